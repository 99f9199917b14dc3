package io.aviary.connectors.venues;

import io.aviary.connectors.catalog.ConnectorSpec;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.port.ConnectorFactory;
import io.aviary.connectors.venues.binance.BinanceVenue;
import io.aviary.connectors.venues.bybit.BybitVenue;
import io.aviary.connectors.venues.coinbase.CoinbaseVenue;
import io.aviary.connectors.venues.gateio.GateIoVenue;
import io.aviary.connectors.venues.kraken.KrakenVenue;
import io.aviary.connectors.venues.kucoin.KucoinVenue;
import io.aviary.connectors.venues.okx.OkxVenue;
import io.aviary.connectors.venues.resilience.ResiliencePolicy;
import io.aviary.connectors.venues.resilience.ResilientConnectorFactory;
import io.aviary.connectors.venues.resilience.VenueResilience;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The real-exchange connectors, by Hummingbot name, each behind its venue's resilience policy. Credential
 * fields are Hummingbot's config-map names for the connector.
 */
public final class VenueConnectors {

    private static final Set<OrderType> ORDER_TYPES = Set.of(OrderType.LIMIT, OrderType.MARKET, OrderType.LIMIT_MAKER);

    /**
     * Default client-side limits, kept under each venue's documented limits: Binance spot 6000 request weight/min,
     * USDⓈ-M 2400/min; KuCoin ~4000/30 s per pool; OKX ~20 req/2 s per endpoint; Bybit 600 req/5 s per IP
     * (≈10-20/s per endpoint); Kraken public ~1 req/s and a private decaying counter (Starter 15, −0.33/s);
     * Gate.io ~10 req/s per private endpoint; Coinbase Advanced 10 public / 30 private req/s.
     */
    public static final Map<String, ResiliencePolicy> DEFAULT_POLICIES = Map.of(
            BinanceVenue.SPOT, ResiliencePolicy.perSecond(20),
            BinanceVenue.PERPETUAL, ResiliencePolicy.perSecond(10),
            KucoinVenue.NAME, ResiliencePolicy.perSecond(10),
            OkxVenue.NAME, ResiliencePolicy.perSecond(10),
            BybitVenue.NAME, ResiliencePolicy.perSecond(10),
            KrakenVenue.NAME, ResiliencePolicy.perSecond(1),
            GateIoVenue.NAME, ResiliencePolicy.perSecond(10),
            CoinbaseVenue.NAME, ResiliencePolicy.perSecond(10));

    private VenueConnectors() {
    }

    /** Every real-venue connector, wrapped in its resilience policy. */
    public static List<ConnectorFactory> all(VenueSettings settings) {
        return unprotected(settings).stream()
                .map(f -> (ConnectorFactory) new ResilientConnectorFactory(f, new VenueResilience(f.spec().name(),
                        settings.policies().getOrDefault(f.spec().name(), DEFAULT_POLICIES.get(f.spec().name())))))
                .toList();
    }

    /** The same connectors without the resilience wrapper (tests of the raw adapters). */
    public static List<ConnectorFactory> unprotected(VenueSettings settings) {
        BinanceVenue binance = new BinanceVenue(false, settings);
        BinanceVenue binancePerp = new BinanceVenue(true, settings);
        KucoinVenue kucoin = new KucoinVenue(settings);
        OkxVenue okx = new OkxVenue(settings);
        BybitVenue bybit = new BybitVenue(settings);
        KrakenVenue kraken = new KrakenVenue(settings);
        GateIoVenue gate = new GateIoVenue(settings);
        CoinbaseVenue coinbase = new CoinbaseVenue(settings);
        return List.of(
                new VenueFactory(spec(BinanceVenue.SPOT, false, "binance_api_key", "binance_api_secret"),
                        binance::marketData, binance::trading),
                new VenueFactory(spec(BinanceVenue.PERPETUAL, true, "binance_perpetual_api_key",
                        "binance_perpetual_api_secret"), binancePerp::marketData, binancePerp::trading),
                new VenueFactory(spec(KucoinVenue.NAME, false, "kucoin_api_key", "kucoin_secret_key",
                        "kucoin_passphrase"), kucoin::marketData, kucoin::trading),
                new VenueFactory(spec(OkxVenue.NAME, false, "okx_api_key", "okx_secret_key", "okx_passphrase"),
                        okx::marketData, okx::trading),
                new VenueFactory(spec(BybitVenue.NAME, false, "bybit_api_key", "bybit_api_secret"),
                        bybit::marketData, bybit::trading),
                new VenueFactory(new ConnectorSpec(KrakenVenue.NAME,
                        List.of("kraken_api_key", "kraken_secret_key", "kraken_api_tier"),
                        Set.of("kraken_api_key", "kraken_secret_key"), ORDER_TYPES, false),
                        kraken::marketData, kraken::trading),
                new VenueFactory(spec(GateIoVenue.NAME, false, "gate_io_api_key", "gate_io_secret_key"),
                        gate::marketData, gate::trading),
                new VenueFactory(spec(CoinbaseVenue.NAME, false, "coinbase_advanced_trade_api_key",
                        "coinbase_advanced_trade_api_secret"), coinbase::marketData, coinbase::trading));
    }

    /** The connector specs alone (for a catalog). */
    public static List<ConnectorSpec> specs() {
        return unprotected(VenueSettings.defaults()).stream().map(ConnectorFactory::spec).toList();
    }

    private static ConnectorSpec spec(String name, boolean perpetual, String... secretFields) {
        return new ConnectorSpec(name, List.of(secretFields), Set.of(secretFields), ORDER_TYPES, perpetual);
    }
}
