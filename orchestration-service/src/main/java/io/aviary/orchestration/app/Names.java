package io.aviary.orchestration.app;

import io.aviary.kit.failure.InvalidRequest;
import java.util.regex.Pattern;

/**
 * The names that become keys and, in instance folders, file names: validated before anything is looked up, so no
 * name can reach outside its folder and no error message echoes unbounded input.
 */
final class Names {

    static final int MAX_LENGTH = 100;
    /** Config and bot names: Hummingbot allows dots (e.g. {@code conf_pmm_0.1}); no slashes, no leading dot. */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0," + (MAX_LENGTH - 1) + "}");
    /** Controller and script names are Python module names. */
    private static final Pattern MODULE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0," + (MAX_LENGTH - 1) + "}");

    private Names() {
    }

    /** A config name; a trailing {@code .yml} (as script configs list them) names the same config. */
    static String configName(String raw) {
        String name = raw != null && raw.endsWith(".yml") ? raw.substring(0, raw.length() - ".yml".length()) : raw;
        return checked(name, FILE_NAME, "config name");
    }

    static String botName(String raw) {
        return checked(raw, FILE_NAME, "bot name");
    }

    static String moduleName(String raw, String what) {
        String name = raw != null && raw.endsWith(".py") ? raw.substring(0, raw.length() - ".py".length()) : raw;
        return checked(name, MODULE_NAME, what);
    }

    private static String checked(String name, Pattern pattern, String what) {
        if (name == null || !pattern.matcher(name).matches() || name.contains("..")) {
            throw new InvalidRequest("Invalid " + what + " '" + shown(name) + "': use 1 to " + MAX_LENGTH
                    + " letters, digits, '_'" + (pattern == MODULE_NAME ? "" : ", '-' and '.'")
                    + " (no path characters)");
        }
        return name;
    }

    /** At most 40 characters of a rejected name. */
    static String shown(String name) {
        if (name == null) {
            return "";
        }
        return name.length() <= 40 ? name : name.substring(0, 40) + "…";
    }
}
