package io.aviary.simexchange.app;

import io.aviary.simexchange.domain.exchange.Exchange;
import io.aviary.simexchange.domain.exchange.PerpLedger;
import io.aviary.simexchange.domain.exchange.Perpetuals;
import io.aviary.simexchange.domain.exchange.SpotLedger;
import io.aviary.simexchange.domain.model.VenueKind;
import io.aviary.simexchange.domain.sim.MarketSimulator;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One venue namespace with its single lock: every command and every read of its exchange runs
 * under that lock, so the domain needs no synchronisation and events leave in sequence order.
 */
public final class Lane {

    private final VenueKind kind;
    private final Exchange exchange;
    private final SpotLedger spotLedger;
    private final Perpetuals perpetuals;
    private final Map<String, MarketSimulator> simulators;
    final ReentrantLock lock = new ReentrantLock();

    Lane(Exchange exchange, SpotLedger spotLedger, Perpetuals perpetuals, Map<String, MarketSimulator> simulators) {
        this.kind = exchange.kind();
        this.exchange = exchange;
        this.spotLedger = spotLedger;
        this.perpetuals = perpetuals;
        this.simulators = Map.copyOf(simulators);
    }

    public VenueKind kind() {
        return kind;
    }

    public Exchange exchange() {
        return exchange;
    }

    public SpotLedger spotLedger() {
        if (spotLedger == null) {
            throw new IllegalStateException("not a spot lane");
        }
        return spotLedger;
    }

    public Perpetuals perpetuals() {
        if (perpetuals == null) {
            throw new IllegalStateException("not a perpetual lane");
        }
        return perpetuals;
    }

    public PerpLedger perpLedger() {
        return perpetuals().ledger();
    }

    public Map<String, MarketSimulator> simulators() {
        return simulators;
    }
}
