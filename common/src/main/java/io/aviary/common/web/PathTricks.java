package io.aviary.common.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Raw request paths whose decoded form may name other segments than the raw one: dot segments, encoded dots and
 * slashes, backslashes, matrix parameters, empty segments, NUL. No Aviary API path needs any of them, so the gateway
 * and every service refuse them (400) instead of guessing which reading a later filter, router or container uses.
 * One rule for both, so they cannot drift apart.
 */
public final class PathTricks {

    /** Checked case-insensitively against the raw (still percent-encoded) path. */
    private static final List<String> FORBIDDEN = List.of("..", "%2e", "%2f", "%5c", "\\", ";", "//", "%00", "/./");

    private PathTricks() {
    }

    /** The first rule the raw path breaks (a fixed string, safe to show: never the path itself). */
    public static Optional<String> violationIn(String rawPath) {
        if (rawPath == null || !mayHoldTrick(rawPath)) {
            return Optional.empty();
        }
        String path = rawPath.toLowerCase(Locale.ROOT);
        if (path.endsWith("/.")) {
            return Optional.of("/.");
        }
        return FORBIDDEN.stream().filter(path::contains).findFirst();
    }

    /**
     * False when no rule can match: every rule needs a '.', '%', '\\' or ';', or two slashes in a row. One pass
     * without lower-casing or allocating, since every request of the gateway and of each service is checked.
     */
    private static boolean mayHoldTrick(String rawPath) {
        char previous = 0;
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '.' || c == '%' || c == '\\' || c == ';' || c == 0 || (c == '/' && previous == '/')) {
                return true;
            }
            previous = c;
        }
        return false;
    }

    /** The 400 detail for a refused path. */
    public static String detail(String rule) {
        return "Request path not allowed: it contains '" + rule + "'";
    }
}
