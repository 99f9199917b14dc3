package io.aviary.common.events;

import java.util.List;

/** Kafka topic names: one topic per producing domain, {@code aviary.<domain>.events}. */
public final class Topics {

    public static final String ACCOUNTS = forDomain("accounts");
    public static final String TRADING = forDomain("trading");
    public static final String MARKET_DATA = forDomain("market-data");
    public static final String ORCHESTRATION = forDomain("orchestration");
    public static final String BACKTESTING = forDomain("backtesting");
    public static final String ARCHIVE = forDomain("archive");

    public static final List<String> ALL = List.of(ACCOUNTS, TRADING, MARKET_DATA, ORCHESTRATION, BACKTESTING, ARCHIVE);

    private Topics() {
    }

    public static String forDomain(String domain) {
        if (!domain.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("domain must be lower-case kebab, was '" + domain + "'");
        }
        return "aviary." + domain + ".events";
    }
}
