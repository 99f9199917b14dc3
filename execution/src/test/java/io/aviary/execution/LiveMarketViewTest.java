package io.aviary.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.aviary.connectors.model.OrderBookSnapshot;
import io.aviary.connectors.model.PriceLevel;
import io.aviary.connectors.model.TradingRule;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.MarketDataConnector;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import io.aviary.strategy.market.TradingRules;
import org.junit.jupiter.api.Test;

class LiveMarketViewTest {

    private static final TradingPair ETH = TradingPair.parse("ETH-USDT");

    /** The venue's rule for ETH-USDT: min size 0.001, max 1000, tick 0.01, step 0.0001, min notional 5. */
    private static final TradingRule ETH_RULE = new TradingRule(ETH, new BigDecimal("0.001"), new BigDecimal("1000"),
            new BigDecimal("0.01"), new BigDecimal("0.0001"), new BigDecimal("0.01"), new BigDecimal("5"),
            BigDecimal.ZERO, null, true, true, "USDT", "ETH");

    /** A venue whose only answers are this book and its rule for ETH-USDT. */
    private static MarketDataConnector book(List<PriceLevel> bids, List<PriceLevel> asks) {
        return (MarketDataConnector) Proxy.newProxyInstance(MarketDataConnector.class.getClassLoader(),
                new Class<?>[] {MarketDataConnector.class}, (proxy, method, args) -> {
                    if (method.getName().equals("orderBook")) {
                        int depth = (int) args[1];
                        return new OrderBookSnapshot(ETH, 1, Instant.EPOCH, bids.subList(0, Math.min(depth,
                                bids.size())), asks.subList(0, Math.min(depth, asks.size())));
                    }
                    if (method.getName().equals("tradingRules")) {
                        return Map.of(ETH, ETH_RULE);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static PriceLevel level(String price, String amount) {
        return new PriceLevel(new BigDecimal(price), new BigDecimal(amount));
    }

    /**
     * Taking 1.5 from asks 100 × 1, 101 × 1: (100 + 50.5)/1.5 = 100.3333; selling 0.5 into bids 99 × 1: 99; more
     * than the book holds (3 from 2): the average of all of it, 100.5; the fee rates are the host's.
     */
    @Test
    void priceForVolumeAveragesOverTheLevelsItTakes() {
        LiveMarketView view = new LiveMarketView("sim", ETH, book(List.of(level("99", "1"), level("98", "1")),
                List.of(level("100", "1"), level("101", "1"))), null, Clock.systemUTC(), 20,
                new LiveMarketView.FeeRates(0.0002, 0.0005));
        view.refresh();
        assertThat(view.priceForVolume(true, 1.5)).isCloseTo(150.5 / 1.5, within(1e-12));
        assertThat(view.priceForVolume(false, 0.5)).isEqualTo(99);
        assertThat(view.priceForVolume(true, 3)).isCloseTo(100.5, within(1e-12));
        assertThat(view.feeRate(true)).isEqualTo(0.0002);
        assertThat(view.feeRate(false)).isEqualTo(0.0005);

        LiveMarketView top = new LiveMarketView("sim", ETH, book(List.of(level("99", "1")),
                List.of(level("100", "1"), level("101", "1"))), null, Clock.systemUTC());
        top.refresh();
        assertThat(top.priceForVolume(true, 1.5)).as("one level read: its price").isEqualTo(100);
        assertThat(top.feeRate(false)).isZero();
    }

    @Test
    void tradingRulesAreTheVenuesRuleForThePairReadAtTheFirstRefresh() {
        LiveMarketView view = new LiveMarketView("sim", ETH, book(List.of(level("99", "1")), List.of(level("100", "1"))),
                null, Clock.systemUTC());
        assertThat(view.tradingRules()).isSameAs(TradingRules.NONE);
        view.refresh();
        assertThat(view.tradingRules()).isEqualTo(new TradingRules(0.001, 5, 0.01, 0.0001));
        assertThat(LiveMarketView.tradingRulesOf(null)).isSameAs(TradingRules.NONE);
    }
}
