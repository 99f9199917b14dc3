package io.aviary.trading.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.PositionAction;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.model.TradingRule;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderRulesTest {

    private static final TradingPair BTC = TradingPair.parse("BTC-USDT");
    private static final Map<TradingPair, TradingRule> RULES = Map.of(BTC, new TradingRule(BTC, bd("0.0001"),
            bd("100"), bd("0.01"), bd("0.0001"), bd("0.01"), bd("10"), bd("10"), null, true, true, "USDT", "BTC"));
    private static final Set<OrderType> TYPES = Set.of(OrderType.LIMIT, OrderType.MARKET);

    @Test
    void roundsAmountAndPriceDownToTheIncrements() {
        var q = OrderRules.apply(limit("0.123456", "60000.129"), "sim", RULES, TYPES, () -> null);
        assertThat(q.amount()).isEqualByComparingTo("0.1234");
        assertThat(q.price()).isEqualByComparingTo("60000.12");
    }

    @Test
    void sendsAndStoresRoundedValuesWithoutTrailingZerosAndUnroundedOnesAsWritten() {
        var q = OrderRules.apply(limit("0.50000", "60000.100"), "sim", RULES, TYPES, () -> null);
        assertThat(q.amount()).hasToString("0.5");
        assertThat(q.price()).hasToString("60000.1");
        TradingRule noIncrements = new TradingRule(BTC, null, null, null, null, null, null, null, null, true, true,
                "USDT", "BTC");
        var unrounded = OrderRules.apply(limit("0.50", "60000.10"), "sim", Map.of(BTC, noIncrements), TYPES, () -> null);
        assertThat(unrounded.amount()).hasToString("0.50");
        assertThat(unrounded.price()).hasToString("60000.10");
    }

    @Test
    void refusesAPriceBelowOneIncrement() {
        assertThatThrownBy(() -> OrderRules.apply(limit("1", "0.004"), "sim", RULES, TYPES, () -> null))
                .hasMessage("Price 0.004 is below the price increment 0.01 for BTC-USDT");
    }

    @Test
    void refusesAnAmountThatRoundsBelowTheMinimum() {
        assertThatThrownBy(() -> OrderRules.apply(limit("0.00009", "60000"), "sim", RULES, TYPES, () -> null))
                .hasMessage("Order amount 0.00009 is below minimum order size 0.0001 for BTC-USDT");
    }

    @Test
    void refusesASmallNotionalAndSaysWhatToDo() {
        assertThatThrownBy(() -> OrderRules.apply(limit("0.0001", "50000"), "sim", RULES, TYPES, () -> null))
                .hasMessage("Order notional value 5 is below minimum notional size 10 for BTC-USDT. "
                        + "Increase the amount or price to meet the minimum requirement.");
    }

    @Test
    void aMarketOrderIsCheckedAtTheMarketPrice() {
        TradeCommand market = command(OrderType.MARKET, "0.0002", null);
        assertThatThrownBy(() -> OrderRules.apply(market, "sim", RULES, TYPES, () -> bd("40000")))
                .hasMessageContaining("notional value 8 is below");
        assertThat(OrderRules.apply(market, "sim", RULES, TYPES, () -> bd("60000")).price()).isNull();
    }

    @Test
    void aLimitOrderNeedsAPrice() {
        assertThatThrownBy(() -> OrderRules.apply(command(OrderType.LIMIT, "1", null), "sim", RULES, TYPES, () -> null))
                .hasMessage("Price is required for LIMIT and LIMIT_MAKER orders");
    }

    @Test
    void anUnknownPairListsTheFirstTenAvailable() {
        Map<TradingPair, TradingRule> many = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            TradingPair pair = TradingPair.parse("T" + (char) ('A' + i) + "-USDT");
            many.put(pair, RULES.get(BTC));
        }
        assertThatThrownBy(() -> OrderRules.apply(limit("1", "1"), "sim", many, TYPES, () -> null))
                .hasMessageStartingWith("Trading pair 'BTC-USDT' not supported on sim. Available pairs: [TA-USDT, ")
                .hasMessageEndingWith("TJ-USDT] (and 2 more)");
    }

    @Test
    void anUnsupportedOrderTypeListsTheSupportedOnes() {
        assertThatThrownBy(() -> OrderRules.apply(command(OrderType.LIMIT_MAKER, "1", "60000"), "sim", RULES, TYPES,
                () -> null)).hasMessage("Order type 'LIMIT_MAKER' not supported. Supported types: [LIMIT, MARKET]");
    }

    @Test
    void anAmountAboveTheMaximumIsRefused() {
        assertThatThrownBy(() -> OrderRules.apply(limit("101", "60000"), "sim", RULES, TYPES, () -> null))
                .hasMessage("Order amount 101 is above maximum order size 100 for BTC-USDT");
    }

    private static TradeCommand limit(String amount, String price) {
        return command(OrderType.LIMIT, amount, price);
    }

    private static TradeCommand command(OrderType type, String amount, String price) {
        return new TradeCommand(new SessionKey("a", "sim"), BTC, TradeType.BUY, type, bd(amount),
                price == null ? null : bd(price), PositionAction.NIL, null, null);
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}
