package io.aviary.marketdata.domain;

/**
 * What the rate oracle prices from and in: Hummingbot's {@code rate_oracle_source.name} and {@code global_token}
 * ({@code global_token_name} is the quote token of the answers and the preferred conversion intermediate;
 * {@code global_token_symbol} is for display only).
 */
public record RateOracleConfig(String source, String globalTokenName, String globalTokenSymbol) {

    /** Offline default: the simulated exchange, priced in USDT, as Hummingbot's defaults name the token. */
    public static final RateOracleConfig DEFAULT = new RateOracleConfig("sim", "USDT", "$");

    public RateOracleConfig withSource(String newSource) {
        return new RateOracleConfig(newSource, globalTokenName, globalTokenSymbol);
    }

    public RateOracleConfig withGlobalTokenName(String name) {
        return new RateOracleConfig(source, name, globalTokenSymbol);
    }

    public RateOracleConfig withGlobalTokenSymbol(String symbol) {
        return new RateOracleConfig(source, globalTokenName, symbol);
    }
}
