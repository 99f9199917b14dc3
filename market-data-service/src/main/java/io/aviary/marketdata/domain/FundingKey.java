package io.aviary.marketdata.domain;

import io.aviary.connectors.model.TradingPair;

/** One funding series: a perpetual connector's pair. */
public record FundingKey(String connector, TradingPair pair) {

    @Override
    public String toString() {
        return connector + " " + pair;
    }
}
