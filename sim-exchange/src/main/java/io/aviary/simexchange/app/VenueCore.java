package io.aviary.simexchange.app;

import io.aviary.simexchange.domain.account.PerpAccount;
import io.aviary.simexchange.domain.account.PerpPosition;
import io.aviary.simexchange.domain.event.OrderSnapshot;
import io.aviary.simexchange.domain.event.VenueEvent;
import io.aviary.simexchange.domain.event.VenueEventListener;
import io.aviary.simexchange.domain.exchange.EventBuffer;
import io.aviary.simexchange.domain.exchange.Exchange;
import io.aviary.simexchange.domain.exchange.PerpLedger;
import io.aviary.simexchange.domain.exchange.Perpetuals;
import io.aviary.simexchange.domain.exchange.SpotLedger;
import io.aviary.simexchange.domain.model.VenueKind;
import io.aviary.simexchange.domain.perp.FundingRule;
import io.aviary.simexchange.domain.sim.MarketSimulator;
import io.aviary.simexchange.domain.state.VenueState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The two venue lanes and the path every command takes: lock the lane, run, then hand the events
 * to the journal (private ones) and to the listeners (all), still under the lock so that everyone
 * sees them in the order they happened.
 */
public final class VenueCore {

    /** A command on one lane; events go to {@code out}. */
    @FunctionalInterface
    public interface Command<T> {
        T run(Lane lane, EventBuffer out);
    }

    private final VenueConfig config;
    private final LongSupplier clock;
    private final Map<VenueKind, Lane> lanes = new EnumMap<>(VenueKind.class);
    private final List<VenueEventListener> listeners = new CopyOnWriteArrayList<>();
    private volatile Journal journal = Journal.NONE;

    public VenueCore(VenueConfig config, LongSupplier clock) {
        this.config = config;
        this.clock = clock;
        lanes.put(VenueKind.SPOT, spotLane());
        lanes.put(VenueKind.PERPETUAL, perpLane());
    }

    private Lane spotLane() {
        SpotLedger ledger = new SpotLedger(config.fees());
        Exchange exchange = new Exchange(VenueKind.SPOT, config.spotMarkets().stream().map(MarketConfig::rules).toList(),
                ledger, clock);
        return new Lane(exchange, ledger, null, simulators(exchange, config.spotMarkets()));
    }

    private Lane perpLane() {
        PerpLedger ledger = new PerpLedger(config.perpCollateral(), config.fees(), config.defaultLeverage());
        Exchange exchange = new Exchange(VenueKind.PERPETUAL,
                config.perpMarkets().stream().map(MarketConfig::rules).toList(), ledger, clock);
        Perpetuals perpetuals = new Perpetuals(exchange, ledger, config.maintenanceMarginRate(), config.maxLeverage(),
                FundingRule.STANDARD, clock);
        return new Lane(exchange, null, perpetuals, simulators(exchange, config.perpMarkets()));
    }

    private Map<String, MarketSimulator> simulators(Exchange exchange, List<MarketConfig> markets) {
        Map<String, MarketSimulator> out = new LinkedHashMap<>();
        for (MarketConfig m : markets) {
            if (m.simulated()) {
                out.put(m.symbol(), new MarketSimulator(exchange, m.symbol(), m.flow(), config.seed()));
            }
        }
        return out;
    }

    public VenueConfig config() {
        return config;
    }

    public long now() {
        return clock.getAsLong();
    }

    public void setJournal(Journal journal) {
        this.journal = journal;
    }

    public void addListener(VenueEventListener listener) {
        listeners.add(listener);
    }

    public void removeListener(VenueEventListener listener) {
        listeners.remove(listener);
    }

    /** Runs a command under the lane's lock and dispatches its events (also when it fails half-way). */
    public <T> T execute(VenueKind kind, Command<T> command) {
        Lane lane = lanes.get(kind);
        lane.lock.lock();
        try {
            EventBuffer out = new EventBuffer();
            try {
                return command.run(lane, out);
            } finally {
                dispatch(out);
            }
        } finally {
            lane.lock.unlock();
        }
    }

    /** Reads under the lane's lock (the domain is single-threaded). */
    public <T> T query(VenueKind kind, Function<Lane, T> query) {
        Lane lane = lanes.get(kind);
        lane.lock.lock();
        try {
            return query.apply(lane);
        } finally {
            lane.lock.unlock();
        }
    }

    private void dispatch(EventBuffer out) {
        if (out.isEmpty()) {
            return;
        }
        List<VenueEvent> events = out.drain();
        List<VenueEvent> durable = new ArrayList<>();
        for (VenueEvent e : events) {
            if (e instanceof VenueEvent.Private) {
                durable.add(e);
            }
        }
        if (!durable.isEmpty()) {
            journal.record(durable);
        }
        for (VenueEventListener l : listeners) {
            l.onEvents(events);
        }
    }

    // ---------------------------------------------------------------- restore

    /** Rebuilds accounts, open orders (back in the books), positions and histories from durable state. */
    public void restore(VenueState state) {
        query(VenueKind.SPOT, lane -> {
            restoreSpot(lane, state);
            return null;
        });
        query(VenueKind.PERPETUAL, lane -> {
            restorePerp(lane, state);
            return null;
        });
    }

    private void restoreSpot(Lane lane, VenueState state) {
        Exchange exchange = lane.exchange();
        for (VenueState.SpotAccountState s : state.spotAccounts()) {
            lane.spotLedger().open(s.accountId(), s.balances());
            exchange.openAccount(s.accountId());
            restoreOrders(exchange, s.orders());
            s.fills().forEach(exchange::restoreFill);
        }
        exchange.restoreDone();
    }

    private void restorePerp(Lane lane, VenueState state) {
        Exchange exchange = lane.exchange();
        for (VenueState.PerpAccountState s : state.perpAccounts()) {
            PerpAccount a = lane.perpLedger().open(s.accountId(), s.wallet());
            exchange.openAccount(s.accountId());
            if (s.settings() != null) {
                a.setMode(s.settings().positionMode());
                s.settings().leverage().forEach(a::setLeverage);
            }
            s.positions().stream().filter(p -> p.isOpen()).map(PerpPosition::restore).forEach(a::putPosition);
            restoreOrders(exchange, s.orders());
            s.fills().forEach(exchange::restoreFill);
            s.funding().forEach(a::recordFunding);
            s.liquidations().forEach(a::recordLiquidation);
        }
        exchange.restoreDone();
    }

    private static void restoreOrders(Exchange exchange, List<OrderSnapshot> orders) {
        orders.stream().filter(o -> exchange.hasMarket(o.symbol()))
                .sorted(Comparator.comparingLong(OrderSnapshot::orderId))
                .forEach(exchange::restoreOrder);
    }
}
