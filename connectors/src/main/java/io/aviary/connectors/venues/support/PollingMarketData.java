package io.aviary.connectors.venues.support;

import io.aviary.connectors.model.CandleInterval;
import io.aviary.connectors.model.FundingInfo;
import io.aviary.connectors.model.PublicTrade;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.connectors.port.OrderBookListener;
import io.aviary.connectors.port.Subscription;
import io.aviary.connectors.port.VenueException;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * Base of venue market-data connectors whose live streams are polled: the book stream sends a fresh
 * snapshot every poll (a consumer treats each as a resync), the trade stream sends trades not yet seen.
 * Spot venues inherit {@link #fundingInfo} throwing {@link VenueException.Unsupported}.
 */
public abstract class PollingMarketData implements MarketDataConnector {

    protected static final int STREAM_BOOK_DEPTH = 50;

    protected final String name;
    protected final Duration pollInterval;

    protected PollingMarketData(String name, Duration pollInterval) {
        this.name = name;
        this.pollInterval = pollInterval;
    }

    @Override
    public String name() {
        return name;
    }

    /** The venue's most recent public trades of {@code pair}, any order. */
    protected abstract List<PublicTrade> recentTrades(TradingPair pair);

    @Override
    public Subscription subscribeOrderBook(TradingPair pair, OrderBookListener listener) {
        return Polling.every(pollInterval, () -> listener.onSnapshot(orderBook(pair, STREAM_BOOK_DEPTH)),
                listener::onDisconnect);
    }

    @Override
    public Subscription subscribeTrades(TradingPair pair, Consumer<PublicTrade> listener) {
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        boolean[] primed = {false};
        return Polling.every(pollInterval, () -> {
            List<PublicTrade> trades = recentTrades(pair).stream()
                    .sorted(Comparator.comparing(PublicTrade::timestamp)).toList();
            for (PublicTrade t : trades) {
                if (seen.add(t.tradeId()) && primed[0]) {
                    listener.accept(t);
                }
            }
            primed[0] = true; // the first poll only learns what is already on the tape
            while (seen.size() > 5000) {
                seen.remove(seen.iterator().next());
            }
        }, t -> { });
    }

    @Override
    public FundingInfo fundingInfo(TradingPair pair) {
        throw new VenueException.Unsupported(name, "funding info is only available on perpetual connectors");
    }

    /**
     * The venue's own code for {@code interval} from its table; {@link VenueException.Unsupported}
     * when the venue does not offer that interval.
     */
    protected <T> T intervalCode(java.util.Map<CandleInterval, T> codes, CandleInterval interval, String venue) {
        T code = codes.get(interval);
        if (code == null) {
            throw new VenueException.Unsupported(name, "interval " + interval.wireName() + " is not offered by " + venue);
        }
        return code;
    }
}
