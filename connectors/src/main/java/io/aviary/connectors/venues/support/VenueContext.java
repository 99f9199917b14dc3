package io.aviary.connectors.venues.support;

import java.time.Duration;

/**
 * What one venue's clients are made from: its connector name, the REST client to its base URL, the
 * period of its polled streams and the candle intervals it offers. One per venue, shared by its
 * market-data client and every session.
 */
public record VenueContext(String name, RestClient http, Duration pollInterval, IntervalCodes intervals) {
}
