package io.aviary.simexchange.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.simexchange.domain.event.BalanceSnapshot;
import io.aviary.simexchange.domain.event.OrderSnapshot;
import io.aviary.simexchange.domain.exchange.PlaceOrder;
import io.aviary.simexchange.domain.model.OrderStatus;
import io.aviary.simexchange.domain.model.OrderType;
import io.aviary.simexchange.domain.model.PositionAction;
import io.aviary.simexchange.domain.model.PositionMode;
import io.aviary.simexchange.domain.model.PositionSide;
import io.aviary.simexchange.domain.model.Side;
import io.aviary.simexchange.domain.model.VenueKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A venue restart keeps keys, balances, open orders (back in the book), positions and settings. */
class PersistenceTest {

    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong(1_790_000_000_000L);

    private static PlaceOrder limit(String cid, String symbol, Side side, String amount, String price,
            PositionAction action) {
        return new PlaceOrder(cid, symbol, side, OrderType.LIMIT, new BigDecimal(amount), new BigDecimal(price), action);
    }

    private static BigDecimal usdt(List<BalanceSnapshot> balances, boolean available) {
        BalanceSnapshot b = balances.stream().filter(x -> x.asset().equals("USDT")).findFirst().orElseThrow();
        return available ? b.available() : b.total();
    }

    @Test
    void stateSurvivesACrashAndACleanRestart() throws IOException {
        Principal alice;
        Principal bob;
        String aliceKey;
        {
            VenueHarness venue = new VenueHarness(dir, clock);
            ApiKeyService.CreatedKey a = venue.keys.create("alice");
            ApiKeyService.CreatedKey b = venue.keys.create("bob");
            aliceKey = a.apiKey();
            alice = venue.principal(a);
            bob = venue.principal(b);
            venue.trading.place(VenueKind.SPOT, alice, limit("rest", "SOL-USDT", Side.BUY, "2", "100", null));
            venue.trading.place(VenueKind.SPOT, alice, limit("gone", "SOL-USDT", Side.BUY, "1", "90", null));
            venue.trading.cancel(VenueKind.SPOT, alice, "gone", null);
            venue.trading.setLeverage(alice, "ETH-USDT", 10);
            venue.trading.place(VenueKind.PERPETUAL, bob, limit("b1", "ETH-USDT", Side.SELL, "1", "3000", null));
            venue.trading.place(VenueKind.PERPETUAL, alice, limit("a1", "ETH-USDT", Side.BUY, "1", "3000", null));
            // a crash: no clean shutdown, no final snapshot; the journal has every command
            venue.crash();
        }
        assertThat(Files.size(dir.resolve("journal.jsonl"))).isPositive();
        // ... and the process died in the middle of writing a line
        Files.writeString(dir.resolve("journal.jsonl"), "{\"seq\":99999,\"type\":\"OrderCha", StandardOpenOption.APPEND);

        try (VenueHarness venue = new VenueHarness(dir, clock)) {
            assertRestored(venue, alice, bob, aliceKey);
        }
        try (VenueHarness venue = new VenueHarness(dir, clock)) {
            assertRestored(venue, alice, bob, aliceKey);
            // the restored order is really back in the book: bob's sell fills it
            venue.trading.place(VenueKind.SPOT, bob, limit("hit", "SOL-USDT", Side.SELL, "2", "100", null));
            assertThat(venue.trading.order(VenueKind.SPOT, alice, "rest", null).status()).isEqualTo(OrderStatus.FILLED);
            assertThat(usdt(venue.trading.balances(VenueKind.SPOT, alice), false)).isEqualByComparingTo("9800");
            assertThat(venue.keys.create("carol").accountId()).isEqualTo(3);
        }
    }

    private static void assertRestored(VenueHarness venue, Principal alice, Principal bob, String aliceKey) {
        List<OrderSnapshot> open = venue.trading.openOrders(VenueKind.SPOT, alice, null);
        assertThat(open).extracting(OrderSnapshot::clientOrderId).containsExactly("rest");
        assertThat(venue.trading.order(VenueKind.SPOT, alice, "gone", null).status()).isEqualTo(OrderStatus.CANCELED);
        List<BalanceSnapshot> spot = venue.trading.balances(VenueKind.SPOT, alice);
        assertThat(usdt(spot, false)).isEqualByComparingTo("10000");
        assertThat(usdt(spot, true)).isEqualByComparingTo("9800");
        // the idempotency memory survives too
        assertThat(venue.trading.place(VenueKind.SPOT, alice, limit("rest", "SOL-USDT", Side.BUY, "2", "100", null))
                .created()).isFalse();

        var positions = venue.trading.positions(alice);
        assertThat(positions).hasSize(1);
        assertThat(positions.get(0).position().side()).isEqualTo(PositionSide.BOTH);
        assertThat(positions.get(0).position().amount()).isEqualByComparingTo("1");
        assertThat(positions.get(0).position().margin()).isEqualByComparingTo("300");
        assertThat(venue.trading.leverage(alice, "ETH-USDT").leverage()).isEqualTo(10);
        assertThat(venue.trading.positionMode(alice)).isEqualTo(PositionMode.ONEWAY);
        assertThat(venue.trading.fills(VenueKind.PERPETUAL, alice, null, 0, null, 100)).hasSize(1);
        BigDecimal perpAvailable = usdt(venue.trading.balances(VenueKind.PERPETUAL, alice), true);
        assertThat(perpAvailable.add(new BigDecimal("300"))).isEqualByComparingTo(
                usdt(venue.trading.balances(VenueKind.PERPETUAL, alice), false));
        assertThat(venue.trading.positions(bob).get(0).position().amount()).isEqualByComparingTo("-1");
        // the key still authenticates
        assertThat(aliceKey).startsWith("simk_");
    }
}
