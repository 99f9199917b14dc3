package io.aviary.simexchange.app;

import io.aviary.simexchange.domain.model.VenueKind;
import io.aviary.simexchange.domain.sim.MarketSimulator;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The venue's clock: each tick moves the simulated participants to the current fair prices,
 * checks perpetual positions against the mark price, settles funding when due and keeps live
 * candles flowing. Ticks come from one scheduler thread at real time (default every 500 ms).
 */
public final class SimulationService {

    private final VenueCore core;
    private final PriceOracle oracle;
    private final CandleService candles;
    private final FundingClock funding;
    private long lastTick;

    public SimulationService(VenueCore core, PriceOracle oracle, CandleService candles, FundingClock funding) {
        this.core = core;
        this.oracle = oracle;
        this.candles = candles;
        this.funding = funding;
    }

    public void tick() {
        long now = core.now();
        double dt = lastTick == 0 ? 0.5 : Math.min(5.0, (now - lastTick) / 1000.0);
        lastTick = now;
        if (core.config().simulationEnabled()) {
            for (VenueKind kind : VenueKind.values()) {
                core.execute(kind, (lane, out) -> {
                    for (Map.Entry<String, MarketSimulator> e : lane.simulators().entrySet()) {
                        e.getValue().step(oracle.fair(kind, e.getKey(), now), dt, out);
                    }
                    return null;
                });
            }
        }
        checkLiquidations(now);
        long due = funding.due(now);
        if (due >= 0) {
            settleFunding(due);
        }
        candles.advance(now);
    }

    private void checkLiquidations(long now) {
        for (MarketConfig m : core.config().perpMarkets()) {
            BigDecimal mark = oracle.mark(m.symbol(), now);
            core.execute(VenueKind.PERPETUAL, (lane, out) -> lane.perpetuals().liquidate(m.symbol(), mark, out));
        }
    }

    /** Settles funding of every perpetual market as of {@code time}, with that moment's mark and index. */
    public void settleFunding(long time) {
        for (MarketConfig m : core.config().perpMarkets()) {
            BigDecimal mark = oracle.mark(m.symbol(), time);
            BigDecimal index = oracle.index(m.symbol(), time);
            core.execute(VenueKind.PERPETUAL, (lane, out) -> {
                BigDecimal rate = lane.perpetuals().fundingRate(mark, index);
                lane.perpetuals().settleFunding(m.symbol(), rate, mark, time, out);
                return null;
            });
        }
    }
}
