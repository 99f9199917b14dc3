package io.aviary.marketdata.api;

import io.aviary.marketdata.api.MarketDataResponses.ActiveFeedResponse;
import io.aviary.marketdata.api.MarketDataResponses.FundingInfoResponse;
import io.aviary.marketdata.api.MarketDataResponses.FundingRateResponse;
import io.aviary.marketdata.api.MarketDataResponses.OrderBookQueryResponse;
import io.aviary.marketdata.api.MarketDataResponses.OrderBookResponse;
import io.aviary.marketdata.api.MarketDataResponses.PricesResponse;
import io.aviary.marketdata.api.MarketDataResponses.SettingsResponse;
import io.aviary.marketdata.app.CandleService;
import io.aviary.marketdata.app.Feeds;
import io.aviary.marketdata.app.FundingHistory;
import io.aviary.marketdata.app.MarketDataSettings;
import io.aviary.marketdata.app.OrderBookService;
import io.aviary.marketdata.app.QuoteService;
import io.aviary.marketdata.domain.BookQueryResult;
import io.aviary.marketdata.domain.BookView;
import io.aviary.marketdata.domain.CandleBar;
import io.aviary.marketdata.domain.FundingPoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code /market-data} endpoints of the Hummingbot API contract (api-catalog §1.9, plus HEAD's candle connectors). */
@RestController
@RequestMapping("/market-data")
@Tag(name = "Market Data", description = "Candles, prices, funding, order books and order-book queries; feeds and their settings")
public class MarketDataController {

    /** Largest {@code max_records} of a live candles request. */
    static final int MAX_RECORDS = 10_000;
    /** Largest order-book depth (api-catalog §1.9: 1..100). */
    static final int MAX_DEPTH = 100;

    private final CandleService candles;
    private final OrderBookService books;
    private final QuoteService quotes;
    private final Feeds feeds;
    private final MarketDataSettings settings;
    private final JsonMapper json;
    private final FundingHistory funding;

    public MarketDataController(CandleService candles, OrderBookService books, QuoteService quotes, Feeds feeds,
            MarketDataSettings settings, JsonMapper json, FundingHistory funding) {
        this.funding = funding;
        this.candles = candles;
        this.books = books;
        this.quotes = quotes;
        this.feeds = feeds;
        this.settings = settings;
        this.json = json;
    }

    @PostMapping("/candles")
    @Operation(summary = "Last max_records candles of the live feed (created on first use); body key connector or connector_name",
            description = "max_records: 1.." + MAX_RECORDS + " (default 500); outside that range 422. interval default 1m.")
    public void candles(@RequestBody JsonNode request, HttpServletRequest http, HttpServletResponse response)
            throws IOException {
        Body body = Body.of(request);
        String connector = body.stringEither("connector", "connector_name");
        String pair = body.string("trading_pair");
        String interval = body.string("interval", "1m");
        int maxRecords = body.integer("max_records", 500, 1, MAX_RECORDS);
        body.validate();
        List<CandleBar> result = candles.live(connector, pair, interval, maxRecords);
        writeCandles(http, response, sink -> result.forEach(sink));
    }

    @PostMapping("/historical-candles")
    @Operation(summary = "Candles with open time in [start_time, end_time] (epoch seconds), stored after the first fetch")
    public void historicalCandles(@RequestBody JsonNode request, HttpServletRequest http, HttpServletResponse response)
            throws IOException {
        Body body = Body.of(request);
        String connector = body.stringEither("connector_name", "connector");
        String pair = body.string("trading_pair");
        String interval = body.string("interval");
        long start = body.integer("start_time");
        long end = body.integer("end_time");
        body.validate();
        CandleService.Historical range = candles.historical(connector, pair, interval, start, end);
        writeCandles(http, response, sink -> candles.stream(range, sink));
    }

    @GetMapping("/active-feeds")
    @Operation(summary = "Live feeds with their last access and time left before they expire")
    public Map<String, ActiveFeedResponse> activeFeeds() {
        Map<String, ActiveFeedResponse> out = new LinkedHashMap<>();
        feeds.active().forEach((key, feed) -> out.put(key, ActiveFeedResponse.of(feed)));
        return out;
    }

    @GetMapping("/settings")
    @Operation(summary = "Feed cleanup interval and timeout (seconds)")
    public SettingsResponse settings() {
        return new SettingsResponse(settings.cleanupInterval(), settings.feedTimeout(),
                "cleanup_interval: seconds between cleanup runs, feed_timeout: seconds before unused feeds expire");
    }

    @GetMapping("/available-candle-connectors")
    @Operation(summary = "Connectors that serve candles")
    public List<String> availableCandleConnectors() {
        return quotes.candleConnectors();
    }

    @PostMapping("/prices")
    @Operation(summary = "Last traded price of each pair")
    public PricesResponse prices(@RequestBody JsonNode request) {
        Body body = Body.of(request);
        String connector = body.string("connector_name");
        List<String> pairs = body.strings("trading_pairs");
        body.validate();
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        quotes.prices(connector, pairs).forEach((pair, price) -> prices.put(pair.toString(), price));
        return new PricesResponse(connector, prices, MarketDataResponses.seconds(Instant.now()));
    }

    @PostMapping("/funding-info")
    @Operation(summary = "Funding rate, next funding time, mark and index price of a perpetual pair")
    public FundingInfoResponse fundingInfo(@RequestBody JsonNode request) {
        Body body = Body.of(request);
        String connector = body.string("connector_name");
        String pair = body.string("trading_pair");
        body.validate();
        return FundingInfoResponse.of(quotes.funding(connector, pair));
    }

    @PostMapping("/historical-funding-rates")
    @Operation(summary = "Past funding rates of a perpetual pair with funding time in [start_time, end_time] (epoch seconds), stored after the first fetch",
            description = "Aviary's addition (Hummingbot API has no funding history). Oldest first; an empty list when the "
                    + "venue paid no funding in the range. 400 for a spot connector, 422 when the connector offers no funding history.")
    public List<FundingRateResponse> historicalFundingRates(@RequestBody JsonNode request) {
        Body body = Body.of(request);
        String connector = body.stringEither("connector_name", "connector");
        String pair = body.string("trading_pair");
        long start = body.integer("start_time");
        long end = body.integer("end_time");
        body.validate();
        return funding.rates(connector, pair, start, end).stream()
                .map(FundingRateResponse::of).toList();
    }

    @PostMapping("/order-book")
    @Operation(summary = "Top depth levels (1..100) of the live book")
    public OrderBookResponse orderBook(@RequestBody JsonNode request) {
        Body body = Body.of(request);
        String connector = body.string("connector_name");
        String pair = body.string("trading_pair");
        int depth = body.integer("depth", 10, 1, MAX_DEPTH);
        body.validate();
        return OrderBookResponse.of(books.book(connector, pair), depth);
    }

    @PostMapping("/order-book/price-for-volume")
    @Operation(summary = "Price of the level where the cumulative base volume reaches volume")
    public OrderBookQueryResponse priceForVolume(@RequestBody JsonNode request) {
        return query(request, "volume", BookView::priceForVolume);
    }

    @PostMapping("/order-book/volume-for-price")
    @Operation(summary = "Base volume of the levels at or better than price")
    public OrderBookQueryResponse volumeForPrice(@RequestBody JsonNode request) {
        return query(request, "price", BookView::volumeForPrice);
    }

    @PostMapping("/order-book/price-for-quote-volume")
    @Operation(summary = "Price of the level where the cumulative quote volume reaches quote_volume")
    public OrderBookQueryResponse priceForQuoteVolume(@RequestBody JsonNode request) {
        return query(request, "quote_volume", BookView::priceForQuoteVolume);
    }

    @PostMapping("/order-book/quote-volume-for-price")
    @Operation(summary = "Quote volume of the levels at or better than price")
    public OrderBookQueryResponse quoteVolumeForPrice(@RequestBody JsonNode request) {
        return query(request, "price", BookView::quoteVolumeForPrice);
    }

    @PostMapping("/order-book/vwap-for-volume")
    @Operation(summary = "Volume-weighted average price of taking volume from the book")
    public OrderBookQueryResponse vwapForVolume(@RequestBody JsonNode request) {
        return query(request, "volume", BookView::vwapForVolume);
    }

    /** A book query on its side of the live book; semantics are documented on {@link BookView}. */
    private interface Query {
        BookQueryResult run(BookView book, boolean isBuy, double value);
    }

    private OrderBookQueryResponse query(JsonNode request, String valueField, Query query) {
        Body body = Body.of(request);
        String connector = body.string("connector_name");
        String pair = body.string("trading_pair");
        boolean isBuy = body.bool("is_buy");
        double value = body.positive(valueField);
        body.validate();
        BookView book = books.book(connector, pair);
        return OrderBookQueryResponse.of(book, isBuy, query.run(book, isBuy, value));
    }

    /** Streams the candles as they are read (never the whole answer in memory), gzip'd when the client accepts it. */
    private void writeCandles(HttpServletRequest http, HttpServletResponse response,
            java.util.function.Consumer<java.util.function.Consumer<CandleBar>> source) throws IOException {
        response.setStatus(200);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        try (OutputStream body = GzipWhenAccepted.body(http, response)) {
            CandleJson.write(json, body, source);
        }
    }
}
