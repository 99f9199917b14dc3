package io.aviary.connectors.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.connectors.model.TradingRule.Refusal;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TradingRuleTest {

    private static final TradingPair BTC = TradingPair.parse("BTC-USDT");
    private static final TradingRule RULE = new TradingRule(BTC, bd("0.0001"), bd("100"), bd("0.01"), bd("0.0001"),
            bd("0.01"), bd("10"), bd("10"), null, true, true, "USDT", "BTC");
    private static final Supplier<BigDecimal> NO_MARKET_PRICE = () -> {
        throw new AssertionError("a limit order's notional is judged at its own price");
    };

    @Test
    void roundsDownToTheIncrementsInTheIncrementsScale() {
        assertThat(RULE.quantizeAmount(bd("0.123456"))).hasToString("0.1234");
        assertThat(RULE.quantizeAmount(bd("0.5"))).hasToString("0.5000");
        assertThat(RULE.quantizePrice(bd("60000.129"))).hasToString("60000.12");
        assertThat(RULE.quantizePrice(null)).isNull();
    }

    @Test
    void withoutAnIncrementAValueStaysAsWritten() {
        TradingRule free = new TradingRule(BTC, null, null, null, null, null, null, null, null, true, true, "USDT", "BTC");
        assertThat(free.quantizeAmount(bd("0.50"))).hasToString("0.50");
        assertThat(free.refusal(bd("0.50"), bd("1"), NO_MARKET_PRICE)).isEmpty();
    }

    @Test
    void namesTheFirstRuleTheRoundedOrderBreaks() {
        assertThat(RULE.refusal(bd("0"), bd("60000"), NO_MARKET_PRICE))
                .contains(new Refusal.BelowMinimumSize(bd("0"), bd("0.0001")));
        assertThat(RULE.refusal(bd("0.00005"), bd("60000"), NO_MARKET_PRICE))
                .contains(new Refusal.BelowMinimumSize(bd("0.00005"), bd("0.0001")));
        assertThat(RULE.refusal(bd("101"), bd("60000"), NO_MARKET_PRICE))
                .contains(new Refusal.AboveMaximumSize(bd("101"), bd("100")));
        assertThat(RULE.refusal(bd("1"), bd("0.00"), NO_MARKET_PRICE))
                .contains(new Refusal.PriceBelowIncrement(bd("0.00"), bd("0.01")));
        assertThat(RULE.refusal(bd("0.0001"), bd("50000"), NO_MARKET_PRICE))
                .contains(new Refusal.BelowMinimumNotional(bd("5.0000"), bd("10")));
        assertThat(RULE.refusal(bd("0.0002"), bd("50000"), NO_MARKET_PRICE)).isEmpty();
    }

    @Test
    void aMarketOrderAsksForTheMarketPriceOnlyOnceItsSizeIsRight() {
        AtomicInteger asked = new AtomicInteger();
        Supplier<BigDecimal> market = () -> {
            asked.incrementAndGet();
            return bd("40000");
        };
        assertThat(RULE.refusal(bd("0.00001"), null, market)).containsInstanceOf(Refusal.BelowMinimumSize.class);
        assertThat(asked).hasValue(0);
        assertThat(RULE.refusal(bd("0.0002"), null, market))
                .contains(new Refusal.BelowMinimumNotional(bd("8.0000"), bd("10")));
        assertThat(RULE.refusal(bd("0.0002"), null, () -> null)).as("no market price: not checked").isEqualTo(Optional.empty());
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}
