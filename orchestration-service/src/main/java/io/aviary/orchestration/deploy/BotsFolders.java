package io.aviary.orchestration.deploy;

import io.aviary.kit.failure.InvalidRequest;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where bots live under {@code BOTS_PATH} (api-catalog §6.1, HEAD's §6.5): {@code bots/instances/<bot>} while deployed,
 * {@code bots/archived/<bot>} once archived. Every name is checked before it becomes a path, and every path is
 * checked to stay inside its folder.
 */
@Component
public class BotsFolders {

    /** HEAD's validator for instance names; room is left for the {@code -YYYYmmdd-HHMMSS} suffix. */
    private static final Pattern INSTANCE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    /** A bot name: an instance name plus its timestamp (or any older name of the same characters). */
    private static final Pattern BOT_NAME = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    private final Path botsPath;
    private final Path instances;
    private final Path archived;

    public BotsFolders(@Value("${aviary.bots.path}") String botsPath) {
        this.botsPath = Path.of(botsPath).toAbsolutePath().normalize();
        this.instances = this.botsPath.resolve("bots").resolve("instances");
        this.archived = this.botsPath.resolve("bots").resolve("archived");
    }

    /** The client's {@code instance_name}, checked. */
    public static String instanceName(String raw) {
        return checked(raw, INSTANCE_NAME, 80, "instance_name");
    }

    /** A deployed bot's name as a path or URL gives it, checked. */
    public static String botName(String raw) {
        return checked(raw, BOT_NAME, 100, "bot name");
    }

    public Path botsPath() {
        return botsPath;
    }

    public Path instances() {
        return instances;
    }

    public Path instance(String botName) {
        return inside(instances, botName(botName));
    }

    public Path archive(String botName) {
        return inside(archived, botName(botName));
    }

    /** {@code bots/archived/<bot>}, relative to {@code BOTS_PATH} as {@code BotArchived} names it. */
    public String relative(Path path) {
        return botsPath.relativize(path).toString().replace('\\', '/');
    }

    private static Path inside(Path folder, String name) {
        Path path = folder.resolve(name).normalize();
        if (!path.getParent().equals(folder)) {
            throw new InvalidRequest("bot name must name a folder directly inside " + folder.getFileName());
        }
        return path;
    }

    private static String checked(String raw, Pattern pattern, int max, String what) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidRequest(what + " is required");
        }
        if (!pattern.matcher(raw).matches()) {
            String shown = raw.length() <= 40 ? raw : raw.substring(0, 40) + "…";
            throw new InvalidRequest("Invalid " + what + " '" + shown + "': use 1 to " + max
                    + " letters, digits, '_' and '-' (no path characters)");
        }
        return raw;
    }
}
