package io.aviary.marketdata.app;

import io.aviary.kit.ownership.Leases;
import io.aviary.connectors.port.ConnectorFactory;
import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.connectors.port.VenueException;
import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.failure.Unprocessable;
import io.aviary.marketdata.domain.FundingKey;
import io.aviary.marketdata.domain.FundingPoint;
import io.aviary.marketdata.domain.FundingStore;
import io.aviary.marketdata.domain.TimeRanges.Range;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Past funding rates of perpetual pairs, fetched from the venue once per range and kept in PostgreSQL, the way
 * {@link CandleHistory} keeps candles: a request reads the stored coverage, fetches only the missing parts (in
 * windows, each stored with its coverage as it arrives) and answers from the database. Coverage never reaches past
 * {@code now − SETTLE_LAG}: a venue publishes an event a little after its funding time, and a range marked as
 * fetched is never asked for again.
 */
@Service
public class FundingHistory {

    /** One venue round covers at most this much time (a month holds ~90 events at 8 h, 720 at 1 h). */
    static final long FETCH_WINDOW_SECONDS = 30 * 86_400L;
    /** Events per window asked of the venue: far above any venue's funding frequency, so a window is whole. */
    static final int FETCH_LIMIT = 100_000;
    /** How long after its funding time an event counts as published. */
    static final long SETTLE_LAG_SECONDS = 60;
    /** Longest range one request may ask for (five years). */
    static final long MAX_RANGE_SECONDS = 5 * 366 * 86_400L;

    private final Markets markets;
    private final FundingStore store;
    private final Clock clock;
    private final FetchedOnce<FundingKey> fetched;

    public FundingHistory(Markets markets, FundingStore store, Clock clock, Leases leases) {
        this.markets = markets;
        this.store = store;
        this.fetched = new FetchedOnce<>("market-data-funding", store::coverage, leases);
        this.clock = clock;
    }

    /**
     * Funding events of a perpetual pair with time in {@code [start, end]} (epoch seconds), oldest first; empty
     * when the venue paid none in that range.
     *
     * @throws InvalidRequest for a spot connector, end before start, or a range over five years
     * @throws Unprocessable when the connector offers no funding-rate history (naming it)
     */
    public List<FundingPoint> rates(String connectorName, String pair, long start, long end) {
        if (start > end) {
            throw new InvalidRequest("start_time (" + start + ") is after end_time (" + end
                    + "); both are epoch seconds and start_time must not be later than end_time.");
        }
        if (end - start > MAX_RANGE_SECONDS) {
            throw new InvalidRequest("The range spans more than five years; split it into smaller ranges.");
        }
        ConnectorFactory connector = markets.connector(connectorName);
        if (!connector.spec().perpetual()) {
            throw new InvalidRequest("Funding rates are only available for perpetual trading pairs.");
        }
        FundingKey key = new FundingKey(connector.spec().name(), markets.pair(connector, pair));
        long to = end + 1;
        long published = clock.instant().getEpochSecond() - SETTLE_LAG_SECONDS;
        try {
            ensureStored(key, connector.marketData(), start, Math.min(to, published));
        } catch (VenueException.Unsupported e) {
            throw new Unprocessable("Funding-rate history is not available from " + connectorName
                    + " (its adapter has no public funding history).");
        }
        return store.read(key, start, to);
    }

    /** Makes sure every event of {@code [from, to)} has been fetched from the venue once. */
    private void ensureStored(FundingKey key, MarketDataConnector venue, long from, long to) {
        fetched.ensure(key, from, to, gap -> fetch(key, venue, gap));
    }

    private void fetch(FundingKey key, MarketDataConnector venue, Range gap) {
        for (long start = gap.start(); start < gap.end(); ) {
            long end = Math.min(gap.end(), start + FETCH_WINDOW_SECONDS);
            long windowStart = start;
            List<FundingPoint> page = venue.fundingRates(key.pair(), Instant.ofEpochSecond(start),
                    Instant.ofEpochSecond(end), FETCH_LIMIT).stream().map(FundingPoint::of)
                    .filter(p -> p.time() >= windowStart && p.time() < end)
                    .collect(Collectors.toMap(FundingPoint::time, p -> p, (a, b) -> a)).values().stream().toList();
            store.store(key, page, new Range(start, end));
            start = end;
        }
    }
}
