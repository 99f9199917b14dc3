package io.aviary.simexchange.domain.book;

/**
 * Told about every execution while an incoming order matches. Called while the book is mid-update:
 * implementations must not modify the book.
 */
@FunctionalInterface
public interface MatchSink {

    /**
     * @param maker       the resting order that traded (its {@code remaining} is already reduced)
     * @param priceTicks  execution price (the maker's price)
     * @param lots        executed amount
     */
    void onTrade(BookOrder maker, long priceTicks, long lots);

    MatchSink NONE = (maker, price, lots) -> { };
}
