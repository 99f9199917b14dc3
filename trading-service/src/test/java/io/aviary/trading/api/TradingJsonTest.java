package io.aviary.trading.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.connectors.model.OrderState;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.PositionAction;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.trading.domain.ActiveOrder;
import io.aviary.trading.domain.FundingRow;
import io.aviary.trading.domain.OrderRecord;
import io.aviary.trading.domain.OrderStatus;
import io.aviary.trading.domain.PositionRow;
import io.aviary.trading.domain.TradeRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The trading answers on the wire, field by field where they must match api-catalog §1.5 (issue 11). */
class TradingJsonTest {

    private static final Instant CREATED = Instant.parse("2026-12-01T10:00:00.123456789Z");
    private static final Instant UPDATED = Instant.parse("2026-12-01T10:05:00Z");

    private static OrderRecord order() {
        return new OrderRecord(1, "acc", "sim_perpetual", "c1", "x1", TradingPair.parse("BTC-USDT"), TradeType.BUY,
                OrderType.LIMIT, PositionAction.OPEN, new BigDecimal("0.003"), new BigDecimal("60000"),
                OrderState.PARTIALLY_FILLED, OrderStatus.PARTIALLY_FILLED,
                new BigDecimal("0.001"), new BigDecimal("60"), new BigDecimal("0.06"), "USDT", null, CREATED, UPDATED,
                false);
    }

    private static TradeRow fill(String tradeId, Instant at) {
        return new TradeRow(7, "acc", "sim_perpetual", "BTC-USDT", tradeId, "c1", "BUY", "OPEN",
                new BigDecimal("60000"), new BigDecimal("0.001"), new BigDecimal("0.06"), "USDT", false, at);
    }

    @Test
    void timesAreWrittenLikeThePortfolioAndTheOriginalWithAnOffsetNotZ() {
        Map<String, Object> row = TradingJson.orderRow(order());
        assertThat(row).containsEntry("created_at", "2026-12-01T10:00:00.123456+00:00")
                .containsEntry("updated_at", "2026-12-01T10:05:00+00:00");
        assertThat(TradingJson.trade(fill("t1", UPDATED))).containsEntry("timestamp", "2026-12-01T10:05:00+00:00");
        assertThat(TradingJson.position(new PositionRow("acc", "sim_perpetual", "BTC-USDT", "LONG", BigDecimal.ONE,
                null, null, null, 3, null, UPDATED))).containsEntry("updated_at", "2026-12-01T10:05:00+00:00");
        assertThat(TradingJson.funding(new FundingRow(1, "acc", "sim_perpetual", "BTC-USDT", UPDATED, null,
                BigDecimal.ONE, "USDT", "LONG", BigDecimal.ONE))).containsEntry("timestamp", "2026-12-01T10:05:00+00:00");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anActiveOrderReportsItsLeverageAndItsFillsByTradeId() {
        Map<String, Object> item = TradingJson.inFlight(new ActiveOrder(order(), 5, List.of(fill("t1", UPDATED))));

        assertThat(item).containsEntry("leverage", "5");
        Map<String, Object> fills = (Map<String, Object>) item.get("order_fills");
        assertThat(fills).containsOnlyKeys("t1");
        assertThat((Map<String, Object>) fills.get("t1"))
                .containsEntry("trade_id", "t1").containsEntry("client_order_id", "c1")
                .containsEntry("exchange_order_id", "x1").containsEntry("fill_price", "60000")
                .containsEntry("fill_base_amount", "0.001").containsEntry("fill_quote_amount", "60")
                .containsEntry("fill_timestamp", UPDATED.toEpochMilli() / 1000.0).containsEntry("is_taker", true)
                .containsKey("fee");
    }

    @Test
    void placeOrderEchoesTheAmountAndPriceTheCallerSent() {
        Map<String, Object> placed = TradingJson.placed(order(), new BigDecimal("0.0031"), new BigDecimal("60000.5"));
        assertThat(placed).containsEntry("amount", "0.0031").containsEntry("price", "60000.5")
                .containsEntry("status", "submitted");
    }
}
