package io.aviary.connectors.venues;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.aviary.connectors.venues.BinanceSpotTest.KEY;
import static io.aviary.connectors.venues.BinanceSpotTest.SECRET;
import static io.aviary.connectors.venues.BinanceSpotTest.assertSignedLikeBinance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.aviary.connectors.model.Balance;
import io.aviary.connectors.model.Candle;
import io.aviary.connectors.model.CandleInterval;
import io.aviary.connectors.model.Fill;
import io.aviary.connectors.model.FundingInfo;
import io.aviary.connectors.model.FundingPayment;
import io.aviary.connectors.model.FundingRate;
import io.aviary.connectors.model.OrderRequest;
import io.aviary.connectors.model.OrderState;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.OrderUpdate;
import io.aviary.connectors.model.Position;
import io.aviary.connectors.model.PositionAction;
import io.aviary.connectors.model.PositionMode;
import io.aviary.connectors.model.PositionSide;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.model.TradingRule;
import io.aviary.connectors.port.ConnectorFactory;
import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.port.VenueException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BinancePerpetualTest extends WireMockVenueTest {

    static final TradingPair BTC_USDT = TradingPair.parse("BTC-USDT");

    ConnectorFactory factory;
    MarketDataConnector md;
    TradingConnector trading;

    @BeforeEach
    void setUp() {
        factory = factory("binance_perpetual", settings("binance_perpetual"));
        md = factory.marketData();
        trading = factory.trading(Map.of("binance_perpetual_api_key", KEY, "binance_perpetual_api_secret", SECRET));
        wm.stubFor(get(urlPathEqualTo("/fapi/v1/exchangeInfo"))
                .willReturn(okJson(fixture("binance_perpetual/exchangeInfo.json"))));
    }

    @Test
    void specIsPerpetualWithHummingbotCredentialNames() {
        assertThat(factory.spec().perpetual()).isTrue();
        assertThat(factory.spec().configFields())
                .containsExactly("binance_perpetual_api_key", "binance_perpetual_api_secret");
    }

    @Test
    void tradingRulesListPerpetualsOnly() {
        Map<TradingPair, TradingRule> rules = md.tradingRules();
        assertThat(rules).containsOnlyKeys(BTC_USDT);
        TradingRule r = rules.get(BTC_USDT);
        assertThat(r.minOrderSize()).isEqualByComparingTo("0.001");
        assertThat(r.minPriceIncrement()).isEqualByComparingTo("0.1");
        assertThat(r.minNotionalSize()).isEqualByComparingTo("100");
    }

    @Test
    void lastPricesAndBook() {
        wm.stubFor(get(urlPathEqualTo("/fapi/v1/ticker/price")).willReturn(okJson(fixture("binance_perpetual/tickerPrice.json"))));
        wm.stubFor(get(urlPathEqualTo("/fapi/v1/depth")).willReturn(okJson(fixture("binance/depth.json"))));
        assertThat(md.lastPrices(List.of(BTC_USDT))).containsOnlyKeys(BTC_USDT);
        assertThat(md.lastPrices(List.of(BTC_USDT)).get(BTC_USDT)).isEqualByComparingTo("43250.10");
        assertThat(md.orderBook(BTC_USDT, 3).bids()).hasSize(3);
    }

    @Test
    void candlesPageBy1500() {
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        wm.stubFor(get(urlPathEqualTo("/fapi/v1/klines")).withQueryParam("startTime", equalTo(Long.toString(start.toEpochMilli())))
                .willReturn(okJson(BinanceSpotTest.klines(start, 1500))));
        Instant second = start.plusSeconds(1500 * 60);
        wm.stubFor(get(urlPathEqualTo("/fapi/v1/klines")).withQueryParam("startTime", equalTo(Long.toString(second.toEpochMilli())))
                .willReturn(okJson(BinanceSpotTest.klines(second, 100))));
        List<Candle> candles = md.candles(BTC_USDT, CandleInterval.M1, start, start.plusSeconds(1600 * 60), 1600);
        assertThat(candles).hasSize(1600);
        assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/fapi/v1/klines")))).hasSize(2);
    }

    @Test
    void fundingInfoFromPremiumIndex() {
        wm.stubFor(get(urlPathEqualTo("/fapi/v1/premiumIndex")).withQueryParam("symbol", equalTo("BTCUSDT"))
                .willReturn(okJson(fixture("binance_perpetual/premiumIndex.json"))));
        FundingInfo f = md.fundingInfo(BTC_USDT);
        assertThat(f.markPrice()).isEqualByComparingTo("43251.1");
        assertThat(f.indexPrice()).isEqualByComparingTo("43260.52334073");
        assertThat(f.rate()).isEqualByComparingTo("0.0001");
        assertThat(f.nextFundingTime()).isEqualTo(Instant.ofEpochMilli(1700006400000L));
    }

    @Test
    void fundingRateHistoryFromFundingRateEndpoint() {
        // shaped as Binance documents GET /fapi/v1/fundingRate: ascending, markPrice missing on old rows
        wm.stubFor(get(urlPathEqualTo("/fapi/v1/fundingRate")).withQueryParam("symbol", equalTo("BTCUSDT"))
                .willReturn(okJson("""
                        [{"symbol":"BTCUSDT","fundingTime":1700006400000,"fundingRate":"0.00010000","markPrice":"43251.10000000"},
                         {"symbol":"BTCUSDT","fundingTime":1700035200000,"fundingRate":"-0.00020000","markPrice":""}]
                        """)));
        List<FundingRate> rates = md.fundingRates(BTC_USDT, Instant.ofEpochMilli(1700000000000L),
                Instant.ofEpochMilli(1700100000000L), 500);
        assertThat(rates).hasSize(2);
        assertThat(rates.get(0).fundingTime()).isEqualTo(Instant.ofEpochMilli(1700006400000L));
        assertThat(rates.get(0).rate()).isEqualByComparingTo("0.0001");
        assertThat(rates.get(0).markPrice()).isEqualByComparingTo("43251.1");
        assertThat(rates.get(1).rate()).isEqualByComparingTo("-0.0002");
        assertThat(rates.get(1).markPrice()).isNull();
        LoggedRequest request = onlyRequest(wm.findAll(getRequestedFor(urlPathEqualTo("/fapi/v1/fundingRate"))));
        assertThat(request.queryParameter("startTime").firstValue()).isEqualTo("1700000000000");
        assertThat(request.queryParameter("endTime").firstValue()).isEqualTo("1700099999999");
        assertThat(request.queryParameter("limit").firstValue()).isEqualTo("500");
    }

    @Test
    void balances() {
        wm.stubFor(get(urlPathEqualTo("/fapi/v2/balance")).willReturn(okJson(fixture("binance_perpetual/balance.json"))));
        List<Balance> b = trading.balances();
        assertThat(b).singleElement().satisfies(x -> {
            assertThat(x.asset()).isEqualTo("USDT");
            assertThat(x.available()).isEqualByComparingTo("23.72469206");
        });
        assertSignedLikeBinance(rawQuery(onlyRequest(wm.findAll(getRequestedFor(urlPathEqualTo("/fapi/v2/balance"))))));
    }

    @Test
    void placeLimitOrderInHedgeModeSendsPositionSide() {
        wm.stubFor(get(urlPathEqualTo("/fapi/v1/positionSide/dual")).willReturn(okJson(fixture("binance_perpetual/dual-true.json"))));
        wm.stubFor(post(urlPathEqualTo("/fapi/v1/order")).willReturn(okJson(fixture("binance_perpetual/newOrder.json"))));
        OrderUpdate o = trading.placeOrder(new OrderRequest("HBOT-B-BTUT-2", BTC_USDT, TradeType.BUY, OrderType.LIMIT,
                new BigDecimal("0.01"), new BigDecimal("40000"), PositionAction.OPEN));
        assertThat(o.state()).isEqualTo(OrderState.OPEN);
        assertThat(o.exchangeOrderId()).isEqualTo("22542179");
        LoggedRequest req = onlyRequest(wm.findAll(postRequestedFor(urlPathEqualTo("/fapi/v1/order"))));
        assertThat(req.getHeader("X-MBX-APIKEY")).isEqualTo(KEY);
        assertSignedLikeBinance(rawQuery(req));
        assertThat(params(rawQuery(req))).containsEntry("positionSide", "LONG").containsEntry("type", "LIMIT")
                .containsEntry("timeInForce", "GTC").containsEntry("newClientOrderId", "HBOT-B-BTUT-2")
                .containsEntry("quantity", "0.01").containsEntry("price", "40000");

        trading.placeOrder(new OrderRequest("c-close", BTC_USDT, TradeType.SELL, OrderType.LIMIT_MAKER,
                new BigDecimal("0.01"), new BigDecimal("45000"), PositionAction.CLOSE));
        LoggedRequest close = wm.findAll(postRequestedFor(urlPathEqualTo("/fapi/v1/order"))).get(1);
        assertThat(params(rawQuery(close))).containsEntry("positionSide", "LONG").containsEntry("timeInForce", "GTX");
    }

    @Test
    void cancelStatusOpenOrdersAndFills() {
        wm.stubFor(delete(urlPathEqualTo("/fapi/v1/order")).willReturn(okJson(fixture("binance_perpetual/cancel.json"))));
        wm.stubFor(get(urlPathEqualTo("/fapi/v1/order")).willReturn(okJson(fixture("binance_perpetual/order.json"))));
        wm.stubFor(get(urlPathEqualTo("/fapi/v1/openOrders")).willReturn(okJson(fixture("binance_perpetual/openOrders.json"))));
        wm.stubFor(get(urlPathEqualTo("/fapi/v1/userTrades")).willReturn(okJson(fixture("binance_perpetual/userTrades.json"))));

        assertThat(trading.cancelOrder(BTC_USDT, "HBOT-B-BTUT-2").state()).isEqualTo(OrderState.CANCELED);
        OrderUpdate status = trading.orderStatus(BTC_USDT, "HBOT-B-BTUT-2");
        assertThat(status.state()).isEqualTo(OrderState.FILLED);
        assertThat(status.executedQuote()).isEqualByComparingTo("400");
        List<OrderUpdate> open = trading.openOrders(Optional.empty());
        assertThat(open).singleElement().satisfies(o -> {
            assertThat(o.tradingPair()).isEqualTo(BTC_USDT);
            assertThat(o.type()).isEqualTo(OrderType.LIMIT_MAKER);
        });
        List<Fill> fills = trading.trades(BTC_USDT, Instant.ofEpochMilli(1569514978000L));
        assertThat(fills).singleElement().satisfies(f -> {
            assertThat(f.side()).isEqualTo(TradeType.SELL);
            assertThat(f.positionAction()).isEqualTo(PositionAction.OPEN);
            assertThat(f.maker()).isFalse();
        });
    }

    @Test
    void positions() {
        wm.stubFor(get(urlPathEqualTo("/fapi/v2/positionRisk")).willReturn(okJson(fixture("binance_perpetual/positionRisk.json"))));
        List<Position> positions = trading.positions();
        assertThat(positions).singleElement().satisfies(p -> {
            assertThat(p.tradingPair()).isEqualTo(BTC_USDT);
            assertThat(p.side()).isEqualTo(PositionSide.LONG);
            assertThat(p.amount()).isEqualByComparingTo("0.01");
            assertThat(p.entryPrice()).isEqualByComparingTo("42000");
            assertThat(p.markPrice()).isEqualByComparingTo("43251.1");
            assertThat(p.unrealizedPnl()).isEqualByComparingTo("12.511");
            assertThat(p.leverage()).isEqualTo(10);
            assertThat(p.liquidationPrice()).isEqualByComparingTo("38500.12");
        });
    }

    @Test
    void leverageIsSetThroughXChangeAndSigned() {
        wm.stubFor(post(urlPathEqualTo("/fapi/v1/leverage")).willReturn(okJson(fixture("binance_perpetual/leverage.json"))));
        trading.setLeverage(BTC_USDT, 20);
        LoggedRequest req = onlyRequest(wm.findAll(postRequestedFor(urlPathEqualTo("/fapi/v1/leverage"))));
        assertSignedLikeBinance(rawQuery(req), req.getBodyAsString());
        String all = rawQuery(req) + "&" + req.getBodyAsString();
        assertThat(params(all)).containsEntry("symbol", "BTCUSDT").containsEntry("leverage", "20");
    }

    @Test
    void positionModeHedgeIsDualSidePositionTrue() {
        wm.stubFor(get(urlPathEqualTo("/fapi/v1/positionSide/dual")).willReturn(okJson(fixture("binance_perpetual/dual-true.json"))));
        wm.stubFor(post(urlPathEqualTo("/fapi/v1/positionSide/dual")).willReturn(okJson(fixture("binance_perpetual/dual-set.json"))));
        assertThat(trading.positionMode()).isEqualTo(PositionMode.HEDGE);
        trading.setPositionMode(PositionMode.ONEWAY);
        LoggedRequest req = onlyRequest(wm.findAll(postRequestedFor(urlPathEqualTo("/fapi/v1/positionSide/dual"))));
        String all = rawQuery(req) + "&" + req.getBodyAsString();
        assertThat(params(all)).containsEntry("dualSidePosition", "false");
        assertSignedLikeBinance(rawQuery(req), req.getBodyAsString());
        assertThat(trading.positionMode()).isEqualTo(PositionMode.ONEWAY);
    }

    @Test
    void settingTheCurrentPositionModeAgainIsNotAnError() {
        wm.stubFor(post(urlPathEqualTo("/fapi/v1/positionSide/dual")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":-4059,\"msg\":\"No need to change position side.\"}")));
        assertThatCode(() -> trading.setPositionMode(PositionMode.HEDGE)).doesNotThrowAnyException();

        LoggedRequest req = onlyRequest(wm.findAll(postRequestedFor(urlPathEqualTo("/fapi/v1/positionSide/dual"))));
        assertThat(params(rawQuery(req) + "&" + req.getBodyAsString())).as("the venue was asked, and said it already is")
                .containsEntry("dualSidePosition", "true");
        // no GET stub: a mode not remembered from the tolerated answer would be fetched and fail
        assertThat(trading.positionMode()).isEqualTo(PositionMode.HEDGE);
    }

    @Test
    void anyOtherRefusalToChangeThePositionModeIsAnError() {
        wm.stubFor(post(urlPathEqualTo("/fapi/v1/positionSide/dual")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":-4068,\"msg\":\"Position side cannot be changed if there exists position.\"}")));
        assertThatThrownBy(() -> trading.setPositionMode(PositionMode.HEDGE)).isInstanceOf(VenueException.class)
                .hasMessageContaining("-4068");
    }

    @Test
    void fundingPaymentsFromIncomeHistoryWithRates() {
        wm.stubFor(get(urlPathEqualTo("/fapi/v1/income")).withQueryParam("incomeType", equalTo("FUNDING_FEE"))
                .willReturn(okJson(fixture("binance_perpetual/income.json"))));
        wm.stubFor(get(urlPathEqualTo("/fapi/v1/fundingRate")).willReturn(okJson(fixture("binance_perpetual/fundingRate.json"))));
        List<FundingPayment> payments = trading.fundingPayments(BTC_USDT, Instant.ofEpochMilli(1700000000000L));
        assertThat(payments).hasSize(2);
        assertThat(payments.get(0).amount()).isEqualByComparingTo("-0.0432511");
        assertThat(payments.get(0).rate()).isEqualByComparingTo("0.0001");
        assertThat(payments.get(0).asset()).isEqualTo("USDT");
        assertThat(payments.get(1).rate()).isEqualByComparingTo("-0.00002774");
        LoggedRequest req = onlyRequest(wm.findAll(getRequestedFor(urlPathEqualTo("/fapi/v1/income"))));
        assertSignedLikeBinance(rawQuery(req));
    }

    @Test
    void insufficientMarginIsRejected() {
        wm.stubFor(get(urlPathEqualTo("/fapi/v1/positionSide/dual")).willReturn(okJson("{\"dualSidePosition\":false}")));
        wm.stubFor(post(urlPathEqualTo("/fapi/v1/order")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(fixture("binance_perpetual/error-margin.json"))));
        assertThatThrownBy(() -> trading.placeOrder(new OrderRequest("c2", BTC_USDT, TradeType.BUY, OrderType.MARKET,
                BigDecimal.TEN, null, PositionAction.OPEN)))
                .isInstanceOf(VenueException.Rejected.class).hasMessageContaining("Margin is insufficient.");
    }

    /** Futures userTrades, as recorded: at most 1000 per call, 7 days per time range; read by trade id to a short page. */
    static String userTrades(int firstId, int count) {
        return "[" + rows(firstId, count, id -> ("{\"buyer\":false,\"commission\":\"-0.07819010\",\"commissionAsset\":\"USDT\",\"id\":%d,\"maker\":false,\"orderId\":25851813,\"price\":\"7819.01\",\"qty\":\"0.002\",\"quoteQty\":\"15.63802\",\"realizedPnl\":\"-0.91539999\",\"side\":\"SELL\",\"positionSide\":\"SHORT\",\"symbol\":\"BTCUSDT\",\"time\":%d}").formatted(id, 1569514978020L + id)) + "]";
    }

    @Test
    void tradesPagesThroughTheWholeHistory() {
        wm.stubFor(get(urlPathEqualTo("/fapi/v1/userTrades")).withQueryParam("limit", equalTo("1"))
                .willReturn(okJson(userTrades(698000, 1))));
        wm.stubFor(get(urlPathEqualTo("/fapi/v1/userTrades")).withQueryParam("fromId", equalTo("698000"))
                .willReturn(okJson(userTrades(698000, 1000))));
        wm.stubFor(get(urlPathEqualTo("/fapi/v1/userTrades")).withQueryParam("fromId", equalTo("699000"))
                .willReturn(okJson(userTrades(699000, 2))));

        List<Fill> fills = trading.trades(BTC_USDT, Instant.now().minus(Duration.ofDays(2)));

        assertEveryFillOnce(fills, 1002);
        List<LoggedRequest> reqs = wm.findAll(getRequestedFor(urlPathEqualTo("/fapi/v1/userTrades")));
        assertThat(reqs).hasSize(3);
        assertThat(params(rawQuery(reqs.get(2)))).containsEntry("fromId", "699000").doesNotContainKey("startTime");
    }
}
