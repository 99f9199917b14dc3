package io.aviary.marketdata.domain;

import io.aviary.connectors.model.TradingPair;

/** Identity of a live feed; {@link #id()} is Hummingbot's feed key as shown by {@code active-feeds}. */
public sealed interface FeedKey {

    String id();

    String connector();

    TradingPair pair();

    /** {@code candles_<connector>_<pair>_<interval>} */
    record Candles(CandleKey key) implements FeedKey {
        @Override
        public String id() {
            return "candles_" + key.connector() + "_" + key.pair() + "_" + key.interval().wireName();
        }

        @Override
        public String connector() {
            return key.connector();
        }

        @Override
        public TradingPair pair() {
            return key.pair();
        }
    }

    /** {@code order_book_<connector>_<pair>} */
    record OrderBook(String connector, TradingPair pair) implements FeedKey {
        @Override
        public String id() {
            return "order_book_" + connector + "_" + pair;
        }
    }
}
