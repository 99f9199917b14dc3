package io.aviary.simexchange.api;

import io.aviary.simexchange.app.Candle;
import io.aviary.simexchange.app.MarketDataService;
import io.aviary.simexchange.app.TradingService;
import io.aviary.simexchange.domain.event.BalanceSnapshot;
import io.aviary.simexchange.domain.event.BookLevel;
import io.aviary.simexchange.domain.event.BookSnapshot;
import io.aviary.simexchange.domain.event.Fill;
import io.aviary.simexchange.domain.event.FundingPayment;
import io.aviary.simexchange.domain.event.Liquidation;
import io.aviary.simexchange.domain.event.OrderSnapshot;
import io.aviary.simexchange.domain.event.PositionSnapshot;
import io.aviary.simexchange.domain.event.PublicTrade;
import io.aviary.simexchange.domain.model.OrderType;
import io.aviary.simexchange.domain.model.PositionSide;
import io.aviary.simexchange.domain.model.VenueKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

/** Domain → wire. */
public final class WireMapper {

    private WireMapper() {
    }

    public static String dec(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros().toPlainString();
    }

    public static Wire.Market market(MarketDataService.MarketInfo m, String collateral) {
        var r = m.rules();
        boolean perp = m.kind() == VenueKind.PERPETUAL;
        return new Wire.Market(r.symbol(), r.base(), r.quote(), m.kind().path(), "TRADING", dec(r.tickSize()),
                dec(r.stepSize()), dec(r.minSize()), dec(r.maxSize()), dec(r.minNotional()),
                Arrays.stream(OrderType.values()).map(Enum::name).toList(), m.simulated(), m.maxLeverage(),
                perp ? collateral : null);
    }

    public static Wire.Ticker ticker(MarketDataService.Ticker t) {
        Candle d = t.day();
        return new Wire.Ticker(t.symbol(), dec(t.lastPrice()), dec(t.bestBid()), dec(t.bestAsk()), dec(d.open()),
                dec(d.high()), dec(d.low()), dec(d.volume()), dec(d.quoteVolume()), dec(t.markPrice()),
                dec(t.indexPrice()), dec(t.fundingRate()), t.timestamp());
    }

    public static Wire.Book book(BookSnapshot b) {
        return new Wire.Book(b.symbol(), b.sequence(), b.timestamp(), levels(b.bids()), levels(b.asks()));
    }

    public static Wire.BookDiff diff(io.aviary.simexchange.domain.event.BookDiff d) {
        return new Wire.BookDiff(d.symbol(), d.firstSequence(), d.lastSequence(), d.timestamp(), levels(d.bids()),
                levels(d.asks()));
    }

    private static List<List<String>> levels(List<BookLevel> levels) {
        return levels.stream().map(l -> List.of(dec(l.price()), dec(l.amount()))).toList();
    }

    public static Wire.Trade trade(PublicTrade t) {
        return new Wire.Trade(Long.toString(t.tradeId()), t.symbol(), t.takerSide().name(), dec(t.price()),
                dec(t.amount()), t.timestamp());
    }

    public static Wire.Candle candle(Candle c) {
        return new Wire.Candle(c.openTime(), dec(c.open()), dec(c.high()), dec(c.low()), dec(c.close()),
                dec(c.volume()), dec(c.quoteVolume()), c.trades(), dec(c.takerBuyBaseVolume()),
                dec(c.takerBuyQuoteVolume()));
    }

    public static Wire.FundingInfo funding(MarketDataService.FundingInfo f) {
        return new Wire.FundingInfo(f.symbol(), dec(f.indexPrice()), dec(f.markPrice()), dec(f.rate()),
                f.nextFundingTime(), f.intervalSeconds(), f.timestamp());
    }

    public static Wire.FundingRate fundingRate(MarketDataService.FundingRate f) {
        return new Wire.FundingRate(f.symbol(), f.fundingTime(), dec(f.rate()), dec(f.markPrice()));
    }

    public static Wire.Balance balance(BalanceSnapshot b) {
        return new Wire.Balance(b.asset(), dec(b.total()), dec(b.available()), dec(b.locked()));
    }

    public static Wire.Order order(OrderSnapshot o, VenueKind kind) {
        BigDecimal avg = o.executedBase().signum() == 0 ? null
                : o.executedQuote().divide(o.executedBase(), 12, RoundingMode.HALF_EVEN);
        return new Wire.Order(Long.toString(o.orderId()), o.clientOrderId(), o.symbol(), o.side().name(),
                o.type().name(), dec(o.price()), dec(o.amount()), o.status().name(), dec(o.executedBase()),
                dec(o.executedQuote()), dec(avg), dec(o.feePaid()), o.feeAsset(), o.positionAction().name(),
                kind == VenueKind.PERPETUAL ? o.leverage() : null, o.createdAt(), o.updatedAt(), o.reason());
    }

    public static Wire.Fill fill(Fill f) {
        return new Wire.Fill(Long.toString(f.tradeId()), Long.toString(f.orderId()), f.clientOrderId(), f.symbol(),
                f.side().name(), dec(f.price()), dec(f.amount()), dec(f.fee()), f.feeAsset(), f.maker(),
                f.positionAction().name(), dec(f.realizedPnl()), f.timestamp());
    }

    public static Wire.Position position(TradingService.PositionView v) {
        PositionSnapshot p = v.position();
        return new Wire.Position(p.symbol(), p.side().name(), mode(p.side()), dec(p.amount()), dec(p.entryPrice()),
                dec(v.markPrice()), dec(v.unrealizedPnl()), p.leverage(), dec(p.margin()), dec(v.liquidationPrice()),
                p.updatedAt());
    }

    /** BOTH exists only in ONEWAY mode; LONG/SHORT only in HEDGE. */
    static String mode(PositionSide side) {
        return side == PositionSide.BOTH ? "ONEWAY" : "HEDGE";
    }

    public static Wire.FundingPayment fundingPayment(FundingPayment f) {
        return new Wire.FundingPayment(f.symbol(), f.timestamp(), dec(f.rate()), dec(f.amount()), f.asset(),
                f.side().name(), dec(f.positionAmount()), dec(f.markPrice()));
    }

    public static Wire.Liquidation liquidation(Liquidation l) {
        return new Wire.Liquidation(l.symbol(), l.side().name(), dec(l.amount()), dec(l.entryPrice()),
                dec(l.markPrice()), dec(l.marginLost()), l.timestamp());
    }
}
