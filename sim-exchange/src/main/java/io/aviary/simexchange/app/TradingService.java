package io.aviary.simexchange.app;

import io.aviary.simexchange.domain.account.PerpAccount;
import io.aviary.simexchange.domain.event.BalanceSnapshot;
import io.aviary.simexchange.domain.event.Fill;
import io.aviary.simexchange.domain.event.FundingPayment;
import io.aviary.simexchange.domain.event.Liquidation;
import io.aviary.simexchange.domain.event.OrderSnapshot;
import io.aviary.simexchange.domain.event.PositionSnapshot;
import io.aviary.simexchange.domain.exchange.PlaceOrder;
import io.aviary.simexchange.domain.model.PositionMode;
import io.aviary.simexchange.domain.model.VenueKind;
import io.aviary.simexchange.domain.perp.MarginMath;
import java.math.BigDecimal;
import java.util.List;

/** The private use cases of an authenticated account. */
public final class TradingService {

    /** A position with its valuation at the current mark price. */
    public record PositionView(PositionSnapshot position, PositionMode mode, BigDecimal markPrice,
            BigDecimal unrealizedPnl, BigDecimal liquidationPrice) {
    }

    public record Leverage(String symbol, int leverage, int maxLeverage) {
    }

    private final VenueCore core;
    private final PriceOracle oracle;

    public TradingService(VenueCore core, PriceOracle oracle) {
        this.core = core;
        this.oracle = oracle;
    }

    public List<BalanceSnapshot> balances(VenueKind kind, Principal p) {
        return core.query(kind, lane -> kind == VenueKind.SPOT
                ? lane.spotLedger().account(p.accountId()).balances()
                : List.of(lane.perpLedger().account(p.accountId()).balance(lane.perpLedger().collateral())));
    }

    /** The order and whether this call created it (false: the client order id was known — idempotent replay). */
    public record Placed(OrderSnapshot order, boolean created) {
    }

    public Placed place(VenueKind kind, Principal p, PlaceOrder order) {
        return core.execute(kind, (lane, out) -> {
            boolean known = lane.exchange().knows(p.accountId(), order.clientOrderId());
            return new Placed(lane.exchange().place(p.accountId(), order, out), !known);
        });
    }

    public OrderSnapshot cancel(VenueKind kind, Principal p, String clientOrderId, String symbol) {
        return core.execute(kind, (lane, out) -> lane.exchange().cancel(p.accountId(), clientOrderId, symbol, out));
    }

    public List<OrderSnapshot> openOrders(VenueKind kind, Principal p, String symbol) {
        return core.query(kind, lane -> {
            if (symbol != null) {
                lane.exchange().market(symbol);
            }
            return lane.exchange().openOrders(p.accountId(), symbol);
        });
    }

    public OrderSnapshot order(VenueKind kind, Principal p, String clientOrderId, String symbol) {
        return core.query(kind, lane -> lane.exchange().order(p.accountId(), clientOrderId, symbol));
    }

    public List<Fill> orderFills(VenueKind kind, Principal p, String clientOrderId, String symbol) {
        return core.query(kind, lane -> lane.exchange().orderFills(p.accountId(), clientOrderId, symbol));
    }

    public List<Fill> fills(VenueKind kind, Principal p, String symbol, long sinceMillis, Long fromTradeId, int limit) {
        return core.query(kind, lane -> {
            if (symbol != null) {
                lane.exchange().market(symbol);
            }
            return lane.exchange().fills(p.accountId(), symbol, sinceMillis, fromTradeId == null ? 0 : fromTradeId, limit);
        });
    }

    public List<PositionView> positions(Principal p) {
        long now = core.now();
        return core.query(VenueKind.PERPETUAL, lane -> {
            PositionMode mode = lane.perpLedger().account(p.accountId()).mode();
            BigDecimal mmr = lane.perpetuals().maintenanceMarginRate();
            return lane.perpetuals().positions(p.accountId()).stream().map(pos -> {
                BigDecimal mark = oracle.mark(pos.symbol(), now);
                return new PositionView(pos, mode, mark, MarginMath.unrealizedPnl(pos.amount(), pos.entryPrice(), mark),
                        MarginMath.liquidationPrice(pos.amount(), pos.entryPrice(), pos.margin(), mmr));
            }).toList();
        });
    }

    public Leverage leverage(Principal p, String symbol) {
        return core.query(VenueKind.PERPETUAL, lane -> {
            lane.exchange().market(symbol);
            return new Leverage(symbol, lane.perpLedger().account(p.accountId()).leverage(symbol),
                    lane.perpetuals().maxLeverage());
        });
    }

    public Leverage setLeverage(Principal p, String symbol, int leverage) {
        core.execute(VenueKind.PERPETUAL, (lane, out) -> {
            lane.perpetuals().setLeverage(p.accountId(), symbol, leverage, out);
            return null;
        });
        return leverage(p, symbol);
    }

    public PositionMode positionMode(Principal p) {
        return core.query(VenueKind.PERPETUAL, lane -> lane.perpLedger().account(p.accountId()).mode());
    }

    public PositionMode setPositionMode(Principal p, PositionMode mode) {
        core.execute(VenueKind.PERPETUAL, (lane, out) -> {
            lane.perpetuals().setPositionMode(p.accountId(), mode, out);
            return null;
        });
        return positionMode(p);
    }

    public List<FundingPayment> fundingPayments(Principal p, String symbol, long sinceMillis, int limit) {
        return core.query(VenueKind.PERPETUAL, lane -> {
            if (symbol != null) {
                lane.exchange().market(symbol);
            }
            PerpAccount a = lane.perpLedger().account(p.accountId());
            return a.funding().stream()
                    .filter(f -> f.timestamp() >= sinceMillis && (symbol == null || f.symbol().equals(symbol)))
                    .limit(limit).toList();
        });
    }

    public List<Liquidation> liquidations(Principal p) {
        return core.query(VenueKind.PERPETUAL, lane -> lane.perpLedger().account(p.accountId()).liquidations());
    }
}
