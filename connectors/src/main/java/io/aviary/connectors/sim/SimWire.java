package io.aviary.connectors.sim;

import io.aviary.connectors.model.Balance;
import io.aviary.connectors.model.Candle;
import io.aviary.connectors.model.Fill;
import io.aviary.connectors.model.FundingInfo;
import io.aviary.connectors.model.FundingRate;
import io.aviary.connectors.model.FundingPayment;
import io.aviary.connectors.model.OrderBookDiff;
import io.aviary.connectors.model.OrderBookSnapshot;
import io.aviary.connectors.model.OrderState;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.OrderUpdate;
import io.aviary.connectors.model.Position;
import io.aviary.connectors.model.PositionAction;
import io.aviary.connectors.model.PositionSide;
import io.aviary.connectors.model.PriceLevel;
import io.aviary.connectors.model.PublicTrade;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.model.TradingRule;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The venue's JSON (snake_case, decimals as strings, epoch-millisecond times) → the port's model.
 * Positions: the venue reports ONEWAY positions as side BOTH with a signed amount; the port wants
 * a positive amount and a direction, so BOTH becomes LONG or SHORT by sign.
 */
final class SimWire {

    /** Prices on the venue are exact multiples of the tick: no significant-digit limit applies. */
    private static final BigDecimal UNLIMITED_SIGNIFICANT_DIGITS = BigDecimal.valueOf(34);

    private SimWire() {
    }

    static BigDecimal dec(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return new BigDecimal(node.asString());
    }

    static BigDecimal decOrZero(JsonNode node) {
        BigDecimal d = dec(node);
        return d == null ? BigDecimal.ZERO : d;
    }

    static Instant millis(JsonNode node) {
        return Instant.ofEpochMilli(node.asLong());
    }

    static TradingPair pair(JsonNode node) {
        return TradingPair.parse(node.path("symbol").asString());
    }

    static TradingRule rule(JsonNode m, boolean perpetual) {
        TradingPair pair = pair(m);
        BigDecimal tick = dec(m.get("tick_size"));
        BigDecimal minNotional = dec(m.get("min_notional"));
        String quote = m.path("quote").asString();
        return new TradingRule(pair, dec(m.get("min_size")), dec(m.get("max_size")), tick, dec(m.get("step_size")), tick,
                minNotional, minNotional, UNLIMITED_SIGNIFICANT_DIGITS, true, true, quote,
                perpetual ? quote : m.path("base").asString());
    }

    static OrderBookSnapshot snapshot(JsonNode b) {
        return new OrderBookSnapshot(pair(b), b.path("sequence").asLong(), millis(b.path("timestamp")),
                levels(b.path("bids")), levels(b.path("asks")));
    }

    static OrderBookDiff diff(TradingPair pair, JsonNode d) {
        return new OrderBookDiff(pair, d.path("first_sequence").asLong(), d.path("last_sequence").asLong(),
                millis(d.path("timestamp")), levels(d.path("bids")), levels(d.path("asks")));
    }

    private static List<PriceLevel> levels(JsonNode array) {
        List<PriceLevel> out = new ArrayList<>(array.size());
        for (JsonNode level : array) {
            out.add(new PriceLevel(dec(level.get(0)), dec(level.get(1))));
        }
        return out;
    }

    static PublicTrade trade(JsonNode t) {
        return new PublicTrade(pair(t), t.path("trade_id").asString(), millis(t.path("timestamp")),
                TradeType.valueOf(t.path("side").asString()), dec(t.get("price")), dec(t.get("amount")));
    }

    static Candle candle(JsonNode c) {
        return new Candle(millis(c.path("open_time")), dec(c.get("open")), dec(c.get("high")), dec(c.get("low")),
                dec(c.get("close")), dec(c.get("volume")), dec(c.get("quote_volume")), c.path("trades").asLong(),
                dec(c.get("taker_buy_base_volume")), dec(c.get("taker_buy_quote_volume")));
    }

    static FundingInfo fundingInfo(JsonNode f) {
        return new FundingInfo(pair(f), dec(f.get("index_price")), dec(f.get("mark_price")),
                Instant.ofEpochMilli(f.path("next_funding_time").asLong()), dec(f.get("funding_rate")));
    }

    static FundingRate fundingRate(JsonNode f) {
        return new FundingRate(pair(f), Instant.ofEpochMilli(f.path("funding_time").asLong()),
                dec(f.get("funding_rate")), dec(f.get("mark_price")));
    }

    static Balance balance(JsonNode b) {
        return new Balance(b.path("asset").asString(), dec(b.get("total")), dec(b.get("available")));
    }

    static OrderUpdate order(JsonNode o) {
        JsonNode price = o.get("price");
        return new OrderUpdate(o.path("client_order_id").asString(), o.path("order_id").asString(), pair(o),
                TradeType.valueOf(o.path("side").asString()), OrderType.valueOf(o.path("type").asString()),
                price == null || price.isNull() ? null : dec(price), dec(o.get("amount")),
                state(o.path("status").asString()), decOrZero(o.get("executed_amount")),
                decOrZero(o.get("executed_quote")), millis(o.path("updated_at")), null);
    }

    private static OrderState state(String status) {
        return switch (status) {
            case "OPEN" -> OrderState.OPEN;
            case "PARTIALLY_FILLED" -> OrderState.PARTIALLY_FILLED;
            case "FILLED" -> OrderState.FILLED;
            case "CANCELED" -> OrderState.CANCELED;
            default -> OrderState.FAILED;
        };
    }

    static Fill fill(JsonNode f) {
        return new Fill(f.path("trade_id").asString(), f.path("client_order_id").asString(),
                f.path("order_id").asString(), pair(f), TradeType.valueOf(f.path("side").asString()),
                dec(f.get("price")), dec(f.get("amount")), dec(f.get("fee")), f.path("fee_asset").asString(),
                f.path("maker").asBoolean(), PositionAction.valueOf(f.path("position_action").asString("NIL")),
                millis(f.path("timestamp")));
    }

    static Position position(JsonNode p) {
        BigDecimal amount = dec(p.get("amount"));
        return new Position(pair(p), side(p.path("side").asString(), amount), amount.abs(), dec(p.get("entry_price")),
                dec(p.get("mark_price")), dec(p.get("unrealized_pnl")), p.path("leverage").asInt(),
                dec(p.get("liquidation_price")));
    }

    static FundingPayment fundingPayment(JsonNode f) {
        return new FundingPayment(pair(f), millis(f.path("timestamp")), dec(f.get("funding_rate")),
                dec(f.get("amount")), f.path("asset").asString(),
                side(f.path("side").asString(), dec(f.get("position_amount"))));
    }

    private static PositionSide side(String venueSide, BigDecimal signedAmount) {
        if (!venueSide.equals("BOTH")) {
            return PositionSide.valueOf(venueSide);
        }
        return signedAmount != null && signedAmount.signum() < 0 ? PositionSide.SHORT : PositionSide.LONG;
    }
}
