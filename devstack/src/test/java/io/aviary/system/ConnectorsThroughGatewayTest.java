package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.aviary.devstack.RunningSuite;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The /connectors contract through the gateway, with trading rules read live from the simulated venue. */
class ConnectorsThroughGatewayTest {

    private static Http api;

    @BeforeAll
    static void startSuite() {
        RunningSuite suite = RunningSuite.get();
        api = Http.to(suite.gatewayUrl()).basicAuth(suite.username(), suite.password());
    }

    @Test
    void listsEveryConnectorWithItsCredentialFields() {
        List<String> names = JsonPath.read(api.get("/connectors/").body(), "$");
        assertThat(names).contains("sim", "sim_perpetual", "binance", "binance_perpetual", "kucoin", "okx", "bybit",
                "kraken", "gate_io", "coinbase_advanced_trade");
        assertThat(api.get("/connectors/sim/config-map").body()).isEqualTo("[\"sim_api_key\",\"sim_api_secret\"]");
        assertThat(api.get("/connectors/okx/config-map").body())
                .isEqualTo("[\"okx_api_key\",\"okx_secret_key\",\"okx_passphrase\"]");
        assertThat(api.get("/connectors/sim_perpetual/order-types").body())
                .isEqualTo("{\"connector\":\"sim_perpetual\",\"supported_order_types\":[\"LIMIT\",\"MARKET\",\"LIMIT_MAKER\"]}");
    }

    @Test
    void tradingRulesComeFromTheVenue() {
        Http.Response all = api.get("/connectors/sim/trading-rules");
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        Map<String, Object> rules = JsonPath.read(all.body(), "$");
        assertThat(rules).containsKeys("BTC-USDT", "ETH-USDT", "SOL-USDT");

        Http.Response one = api.get("/connectors/sim/trading-rules?trading_pairs=BTC-USDT&trading_pairs=ETH-USDT");
        Map<String, Object> selected = JsonPath.read(one.body(), "$");
        assertThat(selected).containsOnlyKeys("BTC-USDT", "ETH-USDT");
        Map<String, Object> btc = JsonPath.read(one.body(), "$['BTC-USDT']");
        assertThat(btc).containsKeys("min_order_size", "max_order_size", "min_price_increment", "min_base_amount_increment",
                "min_quote_amount_increment", "min_notional_size", "min_order_value", "max_price_significant_digits",
                "supports_limit_orders", "supports_market_orders", "buy_order_collateral_token", "sell_order_collateral_token");
        assertThat(((Number) btc.get("min_price_increment")).doubleValue()).isPositive();
        assertThat(btc.get("supports_limit_orders")).isEqualTo(true);
    }

    @Test
    void unknownConnectorsAndPairsAre404sThatNameThem() {
        Http.Response connector = api.get("/connectors/not_a_venue/config-map");
        assertThat(connector.status()).isEqualTo(404);
        assertThat(connector.body()).contains("Connector 'not_a_venue' not found");
        Http.Response pair = api.get("/connectors/sim/trading-rules?trading_pairs=BTC-USDT&trading_pairs=DOGE-XYZ");
        assertThat(pair.status()).isEqualTo(404);
        assertThat(pair.body()).contains("DOGE-XYZ").doesNotContain("BTC-USDT");
        assertThat(api.get("/connectors/sim/trading-rules?trading_pairs=BTCUSDT").status()).isEqualTo(400);
    }

    @Test
    void anUnreachableRealVenueIsAnHonest503() {
        // No internet here: a real exchange cannot be reached, and that must be a 503, not a 500 or a hang.
        Http.Response binance = api.get("/connectors/binance/trading-rules?trading_pairs=BTC-USDT");
        assertThat(binance.status()).as(binance.toString()).isEqualTo(503);
        assertThat(binance.body()).startsWith("{\"detail\":\"binance");
    }
}
