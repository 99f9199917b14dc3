package io.aviary.simexchange.app;

import io.aviary.simexchange.domain.event.AccountSettings;
import io.aviary.simexchange.domain.event.BalanceSnapshot;
import io.aviary.simexchange.domain.event.Fill;
import io.aviary.simexchange.domain.event.FundingPayment;
import io.aviary.simexchange.domain.event.Liquidation;
import io.aviary.simexchange.domain.event.OrderSnapshot;
import io.aviary.simexchange.domain.event.PositionSnapshot;
import io.aviary.simexchange.domain.event.VenueEvent;
import io.aviary.simexchange.domain.model.PositionMode;
import io.aviary.simexchange.domain.model.VenueKind;
import io.aviary.simexchange.domain.state.ApiKeyRecord;
import io.aviary.simexchange.domain.state.VenueState;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The durable state rebuilt from journaled records: every record is an absolute fact ("order X is
 * now …", "USDT total is now …"), so applying them in order is idempotent and needs no domain
 * logic. Histories are bounded like the venue's own.
 */
final class StateMirror {

    static final int MAX_CLOSED_ORDERS = 10_000;
    static final int MAX_FILLS = 50_000;
    static final int MAX_HISTORY = 10_000;

    private static final class Orders {
        final LinkedHashMap<String, OrderSnapshot> byClientId = new LinkedHashMap<>();
        final ArrayDeque<Fill> fills = new ArrayDeque<>();

        void put(OrderSnapshot o) {
            byClientId.remove(o.clientOrderId());
            byClientId.put(o.clientOrderId(), o);
            if (byClientId.size() > MAX_CLOSED_ORDERS * 11 / 10) {
                Iterator<OrderSnapshot> it = byClientId.values().iterator();
                while (it.hasNext() && byClientId.size() > MAX_CLOSED_ORDERS) {
                    if (!it.next().status().isOpen()) {
                        it.remove();
                    }
                }
            }
        }

        void fill(Fill f) {
            bounded(fills, f, MAX_FILLS);
        }
    }

    private static final class Spot {
        final Map<String, BigDecimal> balances = new TreeMap<>();
        final Orders orders = new Orders();
    }

    private static final class Perp {
        BigDecimal wallet = BigDecimal.ZERO;
        AccountSettings settings = new AccountSettings(PositionMode.ONEWAY, Map.of());
        final Map<String, PositionSnapshot> positions = new TreeMap<>();
        final Orders orders = new Orders();
        final ArrayDeque<FundingPayment> funding = new ArrayDeque<>();
        final ArrayDeque<Liquidation> liquidations = new ArrayDeque<>();
    }

    private final Map<String, ApiKeyRecord> keys = new LinkedHashMap<>();
    private final Map<Long, Spot> spot = new TreeMap<>();
    private final Map<Long, Perp> perp = new TreeMap<>();

    void restore(VenueState s) {
        s.apiKeys().forEach(k -> keys.put(k.apiKey(), k));
        for (VenueState.SpotAccountState a : s.spotAccounts()) {
            Spot m = spot.computeIfAbsent(a.accountId(), id -> new Spot());
            m.balances.putAll(a.balances());
            a.orders().forEach(m.orders::put);
            a.fills().forEach(m.orders::fill);
        }
        for (VenueState.PerpAccountState a : s.perpAccounts()) {
            Perp m = perp.computeIfAbsent(a.accountId(), id -> new Perp());
            m.wallet = a.wallet();
            m.settings = a.settings();
            a.positions().forEach(p -> m.positions.put(p.symbol() + ":" + p.side(), p));
            a.orders().forEach(m.orders::put);
            a.fills().forEach(m.orders::fill);
            a.funding().forEach(f -> bounded(m.funding, f, MAX_HISTORY));
            a.liquidations().forEach(l -> bounded(m.liquidations, l, MAX_HISTORY));
        }
    }

    void apply(Object record) {
        switch (record) {
            case ApiKeyRecord k -> keys.put(k.apiKey(), k);
            case VenueEvent.AccountOpened e -> opened(e);
            case VenueEvent.OrderChanged e -> orders(e.venue(), e.accountId()).put(e.order());
            case VenueEvent.Filled e -> orders(e.venue(), e.accountId()).fill(e.fill());
            case VenueEvent.BalanceChanged e -> balance(e.venue(), e.accountId(), e.balance());
            case VenueEvent.PositionChanged e -> position(e.accountId(), e.position());
            case VenueEvent.FundingPaid e -> bounded(perp(e.accountId()).funding, e.payment(), MAX_HISTORY);
            case VenueEvent.Liquidated e -> bounded(perp(e.accountId()).liquidations, e.liquidation(), MAX_HISTORY);
            case VenueEvent.SettingsChanged e -> perp(e.accountId()).settings = e.settings();
            default -> throw new IllegalArgumentException("not a durable record: " + record.getClass().getSimpleName());
        }
    }

    private void opened(VenueEvent.AccountOpened e) {
        if (e.venue() == VenueKind.SPOT) {
            Spot s = spot.computeIfAbsent(e.accountId(), id -> new Spot());
            e.balances().forEach(b -> s.balances.put(b.asset(), b.total()));
        } else {
            perp(e.accountId()).wallet = e.balances().isEmpty() ? BigDecimal.ZERO : e.balances().get(0).total();
        }
    }

    private void balance(VenueKind kind, long accountId, BalanceSnapshot b) {
        if (kind == VenueKind.SPOT) {
            spot.computeIfAbsent(accountId, id -> new Spot()).balances.put(b.asset(), b.total());
        } else {
            perp(accountId).wallet = b.total();
        }
    }

    private void position(long accountId, PositionSnapshot p) {
        String key = p.symbol() + ":" + p.side();
        if (p.isOpen()) {
            perp(accountId).positions.put(key, p);
        } else {
            perp(accountId).positions.remove(key);
        }
    }

    private Orders orders(VenueKind kind, long accountId) {
        return kind == VenueKind.SPOT ? spot.computeIfAbsent(accountId, id -> new Spot()).orders : perp(accountId).orders;
    }

    private Perp perp(long accountId) {
        return perp.computeIfAbsent(accountId, id -> new Perp());
    }

    VenueState state(long sequence) {
        List<VenueState.SpotAccountState> spots = new ArrayList<>();
        spot.forEach((id, s) -> spots.add(new VenueState.SpotAccountState(id, new TreeMap<>(s.balances),
                new ArrayList<>(s.orders.byClientId.values()), new ArrayList<>(s.orders.fills))));
        List<VenueState.PerpAccountState> perps = new ArrayList<>();
        perp.forEach((id, p) -> perps.add(new VenueState.PerpAccountState(id, p.wallet, p.settings,
                new ArrayList<>(p.positions.values()), new ArrayList<>(p.orders.byClientId.values()),
                new ArrayList<>(p.orders.fills), new ArrayList<>(p.funding), new ArrayList<>(p.liquidations))));
        return new VenueState(sequence, new ArrayList<>(keys.values()), spots, perps);
    }

    private static <T> void bounded(ArrayDeque<T> deque, T item, int max) {
        deque.addLast(item);
        if (deque.size() > max) {
            deque.removeFirst();
        }
    }
}
