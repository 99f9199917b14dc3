package io.aviary.backtesting.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A candle interval in Hummingbot's notation ({@code 1s}, {@code 1m}, {@code 4h}, {@code 1d}, {@code 1w}). */
public record Resolution(String text, long seconds) {

    private static final Pattern FORM = Pattern.compile("([1-9][0-9]{0,2})([smhdw])");

    public static Optional<Resolution> parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        long unit = switch (m.group(2)) {
            case "s" -> 1;
            case "m" -> 60;
            case "h" -> 3_600;
            case "d" -> 86_400;
            default -> 604_800;
        };
        return Optional.of(new Resolution(text, Long.parseLong(m.group(1)) * unit));
    }
}
