package io.aviary.connectors.venues.binance;

import info.bitrich.xchangestream.binance.BinanceStreamingExchange;
import info.bitrich.xchangestream.core.ProductSubscription;
import io.aviary.connectors.model.OrderBookSnapshot;
import io.aviary.connectors.model.PriceLevel;
import io.aviary.connectors.model.PublicTrade;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.OrderBookListener;
import io.aviary.connectors.port.Subscription;
import io.aviary.connectors.venues.xchange.XChangeSymbols;
import io.reactivex.rxjava3.disposables.Disposable;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.knowm.xchange.binance.BinanceAdapters;
import org.knowm.xchange.dto.Order;
import org.knowm.xchange.dto.marketdata.OrderBook;
import org.knowm.xchange.dto.trade.LimitOrder;
import org.knowm.xchange.instrument.Instrument;

/**
 * Book and trade streams through xchange-stream-binance (netty websocket). XChange keeps the book itself
 * (REST snapshot + diff stream, resynced on gaps) and emits whole books, so every emission is passed on as
 * a snapshot with a local sequence number.
 */
final class BinanceStreams {

    private BinanceStreams() {
    }

    static BinanceStreamingExchange exchange(boolean perpetual, URI restUrl, String wsUrl, Duration timeout) {
        BinanceStreamingExchange ex = perpetual
                ? BinanceXChange.create(AviaryBinanceStreamingExchange.Futures.class, true, restUrl, null, null, timeout)
                : BinanceXChange.create(AviaryBinanceStreamingExchange.class, false, restUrl, null, null, timeout);
        if (wsUrl != null) {
            ex.getExchangeSpecification().setExchangeSpecificParametersItem(AviaryBinanceStreamingExchange.WS_URL,
                    wsUrl.endsWith("/") ? wsUrl : wsUrl + "/");
        }
        return ex;
    }

    static Subscription orderBook(BinanceStreamingExchange ex, boolean perpetual, TradingPair pair,
            OrderBookListener listener) {
        registerSymbol(pair);
        Instrument instrument = perpetual ? XChangeSymbols.perpetual(pair) : XChangeSymbols.currencyPair(pair);
        AtomicLong sequence = new AtomicLong();
        return connect(ex, ProductSubscription.create().addOrderbook(instrument).build(),
                () -> ex.getStreamingMarketDataService().getOrderBook(instrument)
                        .subscribe(book -> listener.onSnapshot(snapshot(pair, book, sequence.incrementAndGet())),
                                listener::onDisconnect),
                listener::onDisconnect);
    }

    static Subscription trades(BinanceStreamingExchange ex, boolean perpetual, TradingPair pair,
            Consumer<PublicTrade> listener) {
        registerSymbol(pair);
        Instrument instrument = perpetual ? XChangeSymbols.perpetual(pair) : XChangeSymbols.currencyPair(pair);
        return connect(ex, ProductSubscription.create().addTrades(instrument).build(),
                () -> ex.getStreamingMarketDataService().getTrades(instrument)
                        .subscribe(t -> listener.accept(new PublicTrade(pair, t.getId(),
                                t.getTimestamp() == null ? Instant.now() : t.getTimestamp().toInstant(),
                                // xchange-stream-binance sets BID when the buyer was the maker (convertType(m)),
                                // so BID means the taker sold
                                t.getType() == Order.OrderType.BID ? TradeType.SELL : TradeType.BUY,
                                t.getPrice(), t.getOriginalAmount())), e -> { }),
                e -> { });
    }

    /** xchange-stream resolves stream symbols through XChange's static symbol table (filled by remoteInit). */
    private static void registerSymbol(TradingPair pair) {
        BinanceAdapters.putSymbolMapping(BinanceMapping.symbol(pair), XChangeSymbols.currencyPair(pair));
    }

    private static Subscription connect(BinanceStreamingExchange ex, ProductSubscription subscription,
            java.util.function.Supplier<Disposable> onConnected, Consumer<Throwable> onError) {
        AtomicReference<Disposable> stream = new AtomicReference<>();
        AtomicBoolean closed = new AtomicBoolean();
        Disposable connecting = ex.connect(subscription).subscribe(() -> {
            if (!closed.get()) {
                stream.set(onConnected.get());
            }
        }, onError::accept);
        return () -> {
            if (closed.compareAndSet(false, true)) {
                connecting.dispose();
                Disposable d = stream.get();
                if (d != null) {
                    d.dispose();
                }
                ex.disconnect().onErrorComplete().subscribe();
            }
        };
    }

    static OrderBookSnapshot snapshot(TradingPair pair, OrderBook book, long sequence) {
        return new OrderBookSnapshot(pair, sequence,
                book.getTimeStamp() == null ? Instant.now() : book.getTimeStamp().toInstant(),
                levels(book.getBids()), levels(book.getAsks()));
    }

    private static List<PriceLevel> levels(List<LimitOrder> orders) {
        return orders.stream().map(o -> new PriceLevel(o.getLimitPrice(), o.getOriginalAmount())).toList();
    }
}
