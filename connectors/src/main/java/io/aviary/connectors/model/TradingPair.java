package io.aviary.connectors.model;

import java.util.regex.Pattern;

/** A Hummingbot trading pair {@code BASE-QUOTE}: exactly one dash, upper-case assets. */
public record TradingPair(String base, String quote) {

    private static final Pattern ASSET = Pattern.compile("[A-Z0-9]{1,20}");

    public TradingPair {
        if (base == null || quote == null || !ASSET.matcher(base).matches() || !ASSET.matcher(quote).matches()) {
            throw new IllegalArgumentException("Invalid trading pair '" + base + "-" + quote
                    + "': expected BASE-QUOTE with upper-case letters or digits, e.g. BTC-USDT");
        }
    }

    public static TradingPair parse(String pair) {
        String[] parts = pair == null ? new String[0] : pair.split("-", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException(
                    "Invalid trading pair '" + pair + "': expected BASE-QUOTE with exactly one '-', e.g. BTC-USDT");
        }
        return new TradingPair(parts[0], parts[1]);
    }

    @Override
    public String toString() {
        return base + "-" + quote;
    }
}
