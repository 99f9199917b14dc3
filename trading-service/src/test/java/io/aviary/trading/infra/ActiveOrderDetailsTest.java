package io.aviary.trading.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.trading.app.TradingQueries;
import io.aviary.trading.domain.ActiveOrder;
import io.aviary.trading.domain.ListQuery;
import io.aviary.trading.domain.TradeRow;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /trading/orders/active} reports what Hummingbot's in-flight orders carry: the leverage the
 * pair's position runs at and the order's fills so far (issue 11: it answered leverage "1" and no
 * fills for every order).
 */
class ActiveOrderDetailsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    private static TradingDatabase db;
    private static TradingQueries queries;

    @BeforeAll
    static void start() {
        db = new TradingDatabase();
        queries = new TradingQueries(new TradingListRepository(db.jdbc));
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void anOpenOrderCarriesItsPositionsLeverageAndItsFillsOldestFirst() {
        order("perp-1", "BTC-USDT", "PARTIALLY_FILLED");
        order("perp-2", "ETH-USDT", "OPEN");
        order("done-1", "BTC-USDT", "FILLED");
        fill("perp-1", "t2", T0.plusSeconds(2));
        fill("perp-1", "t1", T0.plusSeconds(1));
        fill("done-1", "t3", T0.plusSeconds(3));
        db.jdbc.update("""
                INSERT INTO positions (account_name, connector_name, trading_pair, side, amount, leverage, updated_at)
                VALUES ('acc', 'sim_perpetual', 'BTC-USDT', 'LONG', 2, 5, ?)""", Timestamp.from(T0));

        List<ActiveOrder> active = queries.activeOrders(new ListQuery(List.of(), List.of(), List.of(), null, null, 10, null))
                .items();

        assertThat(active).extracting(a -> a.order().clientOrderId()).containsExactly("perp-1", "perp-2");
        ActiveOrder withPosition = active.get(0);
        assertThat(withPosition.leverage()).isEqualTo(5);
        assertThat(withPosition.fills()).extracting(TradeRow::tradeId).containsExactly("t1", "t2");
        ActiveOrder withoutPosition = active.get(1);
        assertThat(withoutPosition.leverage()).as("no position: Hummingbot's default").isEqualTo(1);
        assertThat(withoutPosition.fills()).isEmpty();
    }

    private static void order(String clientOrderId, String pair, String status) {
        db.jdbc.update("""
                INSERT INTO orders (account_name, connector_name, client_order_id, trading_pair, trade_type, order_type,
                                    position_action, amount, price, state, status, origin, created_at, updated_at)
                VALUES ('acc', 'sim_perpetual', ?, ?, 'BUY', 'LIMIT', 'OPEN', 3, 100, 'OPEN', ?, 'API', ?, ?)""",
                clientOrderId, pair, status, Timestamp.from(T0), Timestamp.from(T0));
    }

    private static void fill(String clientOrderId, String tradeId, Instant at) {
        db.jdbc.update("""
                INSERT INTO trades (account_name, connector_name, trading_pair, trade_id, client_order_id, trade_type,
                                    position_action, price, amount, fee, maker, filled_at)
                VALUES ('acc', 'sim_perpetual', 'BTC-USDT', ?, ?, 'BUY', 'OPEN', 100, 1, 0.1, true, ?)""",
                tradeId, clientOrderId, Timestamp.from(at));
    }
}
