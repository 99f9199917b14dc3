package io.aviary.simexchange.app;

import io.aviary.simexchange.domain.sim.FlowParams;
import java.math.BigDecimal;
import java.util.List;

/**
 * The markets listed when configuration names none. Prices are where each path stands at the anchor
 * date. Synthetic volume per second is about what the simulated takers trade live (rate × size), so
 * candles look alike on both sides of the live seam.
 */
public final class DefaultMarkets {

    private DefaultMarkets() {
    }

    public static List<MarketConfig> spot() {
        return List.of(
                market("BTC", "0.01", "0.00001", "0.00001", "1000", 95_000, 0.50, 0.05,
                        new FlowParams(25, 1.0, 1.0, 0.1, 1.0, 0.05)),
                market("ETH", "0.01", "0.0001", "0.0001", "10000", 3_300, 0.65, 0.55,
                        new FlowParams(25, 1.5, 1.5, 1.2, 0.9, 0.6)),
                market("SOL", "0.01", "0.001", "0.001", "100000", 180, 0.80, 8.0,
                        new FlowParams(25, 2.0, 2.0, 25, 0.8, 10)));
    }

    public static List<MarketConfig> perpetual() {
        return List.of(
                market("BTC", "0.1", "0.001", "0.001", "500", 95_000, 0.50, 0.1,
                        new FlowParams(25, 1.0, 1.0, 0.15, 1.2, 0.08)),
                market("ETH", "0.01", "0.001", "0.001", "5000", 3_300, 0.65, 1.0,
                        new FlowParams(25, 1.5, 1.5, 2.0, 1.0, 1.0)));
    }

    private static MarketConfig market(String base, String tick, String step, String minSize, String maxSize,
            double price, double vol, double volumePerSecond, FlowParams flow) {
        return new MarketConfig(base, "USDT", new BigDecimal(tick), new BigDecimal(step), new BigDecimal(minSize),
                new BigDecimal(maxSize), new BigDecimal("5"), price, vol, volumePerSecond, true, flow);
    }
}
