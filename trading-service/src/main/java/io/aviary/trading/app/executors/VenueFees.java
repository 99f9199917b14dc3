package io.aviary.trading.app.executors;

import io.aviary.execution.LiveMarketView.FeeRates;
import java.util.HashMap;
import java.util.Map;

/**
 * The fee rates executors assume per connector when they weigh a trade net of fees before placing it (arbitrage,
 * XEMM: Hummingbot's {@code connector.get_fee}); the fees actually paid always come from the fills. Written as
 * {@code connector=maker/taker} entries separated by commas, {@code *} for every other connector, e.g.
 * {@code sim=0.0002/0.0005,*=0.001/0.001} (fractions of notional).
 */
record VenueFees(Map<String, FeeRates> byConnector, FeeRates otherwise) {

    /** The venue's own defaults for the sim connectors, Hummingbot's usual 0.1 % for any other. */
    static final String DEFAULT = "sim=0.0002/0.0005,sim_perpetual=0.0002/0.0005,*=0.001/0.001";

    VenueFees {
        byConnector = Map.copyOf(byConnector);
    }

    FeeRates of(String connector) {
        return byConnector.getOrDefault(connector, otherwise);
    }

    /** @throws IllegalArgumentException naming the entry that is not {@code connector=maker/taker} */
    static VenueFees parse(String spec) {
        Map<String, FeeRates> rates = new HashMap<>();
        FeeRates otherwise = FeeRates.NONE;
        for (String entry : spec == null ? new String[0] : spec.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.trim().split("[=/]");
            FeeRates fees;
            try {
                fees = new FeeRates(Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
            } catch (RuntimeException e) {
                fees = null;
            }
            if (parts.length != 3 || fees == null || !(fees.maker() > -1 && fees.maker() < 1)
                    || !(fees.taker() >= 0 && fees.taker() < 1)) {
                throw new IllegalArgumentException("aviary.executors.fees: '" + bounded(entry.trim())
                        + "' is not connector=maker/taker (fractions, e.g. binance=0.001/0.001)");
            }
            if (parts[0].equals("*")) {
                otherwise = fees;
            } else {
                rates.put(parts[0], fees);
            }
        }
        return new VenueFees(rates, otherwise);
    }

    private static String bounded(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
