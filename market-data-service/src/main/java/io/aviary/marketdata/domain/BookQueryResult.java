package io.aviary.marketdata.domain;

/**
 * The answer of one order-book query, Hummingbot's {@code OrderBookQueryResult} fields; a
 * {@code null} is what Hummingbot reports as NaN (the book cannot answer, e.g. it is too thin).
 */
public record BookQueryResult(Double queryPrice, Double queryVolume, Double resultPrice, Double resultVolume,
        Double resultQuoteVolume, Double averagePrice) {
}
