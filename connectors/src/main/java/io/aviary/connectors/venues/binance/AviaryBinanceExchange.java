package io.aviary.connectors.venues.binance;

import org.knowm.xchange.binance.BinanceExchange;

/**
 * XChange's Binance exchange whose REST base URL can be redirected: XChange forces the futures URL
 * ({@code fapi.binance.com}) in {@code applySpecification}; this subclass puts the URL given as the
 * exchange-specific parameter {@value #BASE_URL} back before the services are built.
 */
public class AviaryBinanceExchange extends BinanceExchange {

    public static final String BASE_URL = "aviary.baseUrl";

    @Override
    protected void initServices() {
        Object url = getExchangeSpecification().getExchangeSpecificParametersItem(BASE_URL);
        if (url != null) {
            getExchangeSpecification().setSslUri(url.toString());
        }
        super.initServices();
    }
}
