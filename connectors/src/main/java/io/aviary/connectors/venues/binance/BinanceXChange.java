package io.aviary.connectors.venues.binance;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.knowm.xchange.ExchangeFactory;
import org.knowm.xchange.ExchangeSpecification;
import org.knowm.xchange.binance.BinanceExchange;
import org.knowm.xchange.binance.dto.ExchangeType;

/** Makes XChange Binance instances pointed at a given base URL, without remote metadata loading. */
final class BinanceXChange {

    private BinanceXChange() {
    }

    static BinanceExchange create(boolean perpetual, URI baseUrl, String apiKey, String secret, Duration timeout) {
        return create(AviaryBinanceExchange.class, perpetual, baseUrl, apiKey, secret, timeout);
    }

    static <T extends BinanceExchange> T create(Class<T> type, boolean perpetual, URI baseUrl, String apiKey,
            String secret, Duration timeout) {
        ExchangeSpecification spec = new ExchangeSpecification(type);
        String url = baseUrl.toString().replaceAll("/+$", "");
        spec.setSslUri(url);
        spec.setHost(baseUrl.getHost());
        spec.setPort(baseUrl.getPort() > 0 ? baseUrl.getPort() : 443);
        spec.setApiKey(apiKey);
        spec.setSecretKey(secret);
        spec.setShouldLoadRemoteMetaData(false);
        spec.setExchangeSpecificParametersItem(BinanceExchange.EXCHANGE_TYPE,
                perpetual ? ExchangeType.FUTURES : ExchangeType.SPOT);
        spec.setExchangeSpecificParametersItem(AviaryBinanceExchange.BASE_URL, url);
        spec.setExchangeSpecificParametersItem("recvWindow", BinanceRest.RECV_WINDOW);
        spec.setHttpConnTimeout((int) timeout.toMillis());
        spec.setHttpReadTimeout((int) timeout.toMillis());
        return type.cast(ExchangeFactory.INSTANCE.createExchange(spec));
    }

    /** Runs an XChange call, mapping whatever it throws to a VenueException. */
    static <T> T call(String connector, Callable<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw BinanceErrors.map(connector, e);
        }
    }
}
