package io.aviary.archive.domain;

import java.math.BigDecimal;

/**
 * Hummingbot's {@code SqliteDecimal(6)} column: a Decimal stored as the integer {@code value × 10^6}. Read back exactly
 * ({@code 94012123456} → {@code 94012.123456}), never through a double.
 */
public final class SqliteDecimal {

    private static final int SCALE = 6;

    private SqliteDecimal() {
    }

    /**
     * The value of a stored column: an integer as written by Hummingbot, or (in hand-made or damaged files) a real or
     * a numeric text, scaled the same way; {@code null} stays {@code null}.
     */
    public static BigDecimal decode(Object stored) {
        BigDecimal raw = switch (stored) {
            case null -> null;
            case Long l -> BigDecimal.valueOf(l);
            case Integer i -> BigDecimal.valueOf(i);
            case Double d -> d.isNaN() || d.isInfinite() ? null : BigDecimal.valueOf(d);
            case Number n -> new BigDecimal(n.toString());
            case String s -> parse(s);
            default -> null;
        };
        return raw == null ? null : plain(raw.movePointLeft(SCALE));
    }

    /** Without trailing zeros and never in exponent form ({@code 94012}, not {@code 9.4012E+4}). */
    public static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static BigDecimal parse(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
