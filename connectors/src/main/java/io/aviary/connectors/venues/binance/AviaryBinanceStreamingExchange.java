package io.aviary.connectors.venues.binance;

import info.bitrich.xchangestream.binance.BinanceStreamingExchange;
import info.bitrich.xchangestream.binancefuture.BinanceFutureStreamingExchange;

/**
 * xchange-stream's Binance exchanges with redirectable REST ({@value AviaryBinanceExchange#BASE_URL}) and
 * websocket ({@value #WS_URL}, ending with '/') base URLs, so tests can run them against local servers.
 */
public class AviaryBinanceStreamingExchange extends BinanceStreamingExchange {

    public static final String WS_URL = "aviary.wsUrl";

    @Override
    protected void initServices() {
        Object url = getExchangeSpecification().getExchangeSpecificParametersItem(AviaryBinanceExchange.BASE_URL);
        if (url != null) {
            getExchangeSpecification().setSslUri(url.toString());
        }
        super.initServices();
    }

    @Override
    protected String getStreamingBaseUri() {
        Object ws = getExchangeSpecification().getExchangeSpecificParametersItem(WS_URL);
        return ws != null ? ws.toString() : super.getStreamingBaseUri();
    }

    /** The USDⓈ-M futures variant. */
    public static class Futures extends BinanceFutureStreamingExchange {

        @Override
        protected void initServices() {
            Object url = getExchangeSpecification().getExchangeSpecificParametersItem(AviaryBinanceExchange.BASE_URL);
            if (url != null) {
                getExchangeSpecification().setSslUri(url.toString());
            }
            super.initServices();
        }

        @Override
        protected String getStreamingBaseUri() {
            Object ws = getExchangeSpecification().getExchangeSpecificParametersItem(WS_URL);
            return ws != null ? ws.toString() : super.getStreamingBaseUri();
        }
    }
}
