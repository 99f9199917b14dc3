package io.aviary.strategy.config;

/** Shows a key from user input in an error message: shortened and without control characters. */
final class KeyNames {

    private static final int MAX_SHOWN = 40;

    private KeyNames() {
    }

    static String shown(Object key) {
        if (!(key instanceof String name)) {
            return "<non-text key>";
        }
        String clean = name.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .limit(MAX_SHOWN + 1L)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return clean.codePointCount(0, clean.length()) > MAX_SHOWN
                ? clean.substring(0, clean.offsetByCodePoints(0, MAX_SHOWN)) + "…"
                : clean;
    }
}
