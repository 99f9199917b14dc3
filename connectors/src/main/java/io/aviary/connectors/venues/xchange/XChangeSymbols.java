package io.aviary.connectors.venues.xchange;

import io.aviary.connectors.model.TradingPair;
import org.knowm.xchange.currency.CurrencyPair;
import org.knowm.xchange.derivative.FuturesContract;

/** {@link TradingPair} (BASE-QUOTE) ↔ XChange instruments. */
public final class XChangeSymbols {

    /** XChange's prompt for perpetual contracts. */
    public static final String PERPETUAL = "PERP";

    private XChangeSymbols() {
    }

    public static CurrencyPair currencyPair(TradingPair pair) {
        return new CurrencyPair(pair.base(), pair.quote());
    }

    public static FuturesContract perpetual(TradingPair pair) {
        return new FuturesContract(currencyPair(pair), PERPETUAL);
    }

    public static TradingPair tradingPair(CurrencyPair pair) {
        return new TradingPair(pair.getBase().getCurrencyCode().toUpperCase(java.util.Locale.ROOT),
                pair.getCounter().getCurrencyCode().toUpperCase(java.util.Locale.ROOT));
    }
}
