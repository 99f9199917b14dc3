package io.aviary.simexchange.api.ws;

import io.aviary.simexchange.api.WireMapper;
import io.aviary.simexchange.app.PriceOracle;
import io.aviary.simexchange.app.TradingService;
import io.aviary.simexchange.app.VenueConfig;
import io.aviary.simexchange.domain.event.PositionSnapshot;
import io.aviary.simexchange.domain.event.VenueEvent;
import io.aviary.simexchange.domain.event.VenueEventListener;
import io.aviary.simexchange.domain.model.PositionMode;
import io.aviary.simexchange.domain.model.PositionSide;
import io.aviary.simexchange.domain.model.VenueKind;
import io.aviary.simexchange.domain.perp.MarginMath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fans venue events out to subscribed connections. Topics: {@code book:<venue>:<symbol>},
 * {@code trades:<venue>:<symbol>}, {@code private:<venue>:<accountId>}. Each event is serialised
 * once, only when someone listens. Runs on the command thread under the lane lock, so the
 * per-connection order is the venue's order.
 */
public final class SocketHub implements VenueEventListener {

    /** Server → client envelope. */
    public record Push(String type, String venue, String symbol, Object data) {
    }

    private final Map<String, Set<ClientConnection>> subscribers = new ConcurrentHashMap<>();
    private final JsonMapper json;
    private final PriceOracle oracle;
    private final VenueConfig config;

    public SocketHub(JsonMapper json, PriceOracle oracle, VenueConfig config) {
        this.json = json;
        this.oracle = oracle;
        this.config = config;
    }

    static String bookTopic(VenueKind kind, String symbol) {
        return "book:" + kind.path() + ":" + symbol;
    }

    static String tradesTopic(VenueKind kind, String symbol) {
        return "trades:" + kind.path() + ":" + symbol;
    }

    static String privateTopic(VenueKind kind, long accountId) {
        return "private:" + kind.path() + ":" + accountId;
    }

    void subscribe(String topic, ClientConnection c) {
        subscribers.computeIfAbsent(topic, t -> ConcurrentHashMap.newKeySet()).add(c);
        c.topics().add(topic);
    }

    void unsubscribe(String topic, ClientConnection c) {
        Set<ClientConnection> set = subscribers.get(topic);
        if (set != null) {
            set.remove(c);
        }
        c.topics().remove(topic);
    }

    void drop(ClientConnection c) {
        for (String topic : List.copyOf(c.topics())) {
            unsubscribe(topic, c);
        }
    }

    String write(Object message) {
        return json.writeValueAsString(message);
    }

    @Override
    public void onEvents(List<VenueEvent> events) {
        for (VenueEvent e : events) {
            String topic = topic(e);
            Set<ClientConnection> set = subscribers.get(topic);
            if (set == null || set.isEmpty()) {
                continue;
            }
            String message = write(push(e));
            for (ClientConnection c : set) {
                c.send(message);
            }
        }
    }

    private static String topic(VenueEvent e) {
        return switch (e) {
            case VenueEvent.BookChanged b -> bookTopic(b.venue(), b.symbol());
            case VenueEvent.TradePrinted t -> tradesTopic(t.venue(), t.symbol());
            case VenueEvent.Private p -> privateTopic(p.venue(), p.accountId());
        };
    }

    private Push push(VenueEvent e) {
        String venue = e.venue().path();
        return switch (e) {
            case VenueEvent.BookChanged b -> new Push("book_diff", venue, b.symbol(), WireMapper.diff(b.diff()));
            case VenueEvent.TradePrinted t -> new Push("trade", venue, t.symbol(), WireMapper.trade(t.trade()));
            case VenueEvent.OrderChanged o ->
                    new Push("order", venue, o.order().symbol(), WireMapper.order(o.order(), o.venue()));
            case VenueEvent.Filled f -> new Push("fill", venue, f.fill().symbol(), WireMapper.fill(f.fill()));
            case VenueEvent.BalanceChanged b -> new Push("balance", venue, null, WireMapper.balance(b.balance()));
            case VenueEvent.PositionChanged p -> new Push("position", venue, p.position().symbol(), position(p.position()));
            case VenueEvent.FundingPaid f ->
                    new Push("funding_payment", venue, f.payment().symbol(), WireMapper.fundingPayment(f.payment()));
            case VenueEvent.Liquidated l ->
                    new Push("liquidation", venue, l.liquidation().symbol(), WireMapper.liquidation(l.liquidation()));
            case VenueEvent.SettingsChanged s -> new Push("settings", venue, null, s.settings());
            case VenueEvent.AccountOpened a -> new Push("account_opened", venue, null,
                    a.balances().stream().map(WireMapper::balance).toList());
        };
    }

    private Object position(PositionSnapshot p) {
        BigDecimal mark = oracle.mark(p.symbol(), System.currentTimeMillis());
        BigDecimal mmr = config.maintenanceMarginRate();
        PositionMode mode = p.side() == PositionSide.BOTH ? PositionMode.ONEWAY : PositionMode.HEDGE;
        return WireMapper.position(new TradingService.PositionView(p, mode, mark,
                MarginMath.unrealizedPnl(p.amount(), p.entryPrice(), mark),
                MarginMath.liquidationPrice(p.amount(), p.entryPrice(), p.margin(), mmr)));
    }
}
