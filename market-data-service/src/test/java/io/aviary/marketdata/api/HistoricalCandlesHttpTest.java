package io.aviary.marketdata.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.connectors.model.CandleInterval;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.sim.SimVenueProcess;
import io.aviary.marketdata.domain.CandleBar;
import io.aviary.marketdata.domain.CandleKey;
import io.aviary.marketdata.domain.CandleStore;
import io.aviary.marketdata.domain.TimeRanges.Range;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A large {@code /market-data/historical-candles} answer over real HTTP, served from a real PostgreSQL: gzip'd when the
 * client accepts it (the same JSON once unzipped, a fraction of the bytes), and streamed as the rows are read, so the
 * service's heap never holds the whole body (issue 16).
 */
class HistoricalCandlesHttpTest {

    /** 120 days of 1m candles: a body of tens of MB, far more than what streaming keeps (one fetch of rows). */
    static final int CANDLES = 120 * 24 * 60;
    static final long FROM = 1_700_006_400L; // a whole minute, long closed
    static final String REQUEST = "{\"connector_name\": \"sim\", \"trading_pair\": \"BTC-USDT\", \"interval\": \"1m\", "
            + "\"start_time\": " + FROM + ", \"end_time\": " + (FROM + (CANDLES - 1) * 60L) + "}";

    static EmbeddedPostgres postgres;
    static SimVenueProcess venue;
    static MarketDataServer server;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void storedCandles() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        venue = SimVenueProcess.start(Map.of("SIM_EXCHANGE_SIMULATION_ENABLED", "false"));
        server = MarketDataServer.start(postgres.getJdbcUrl("postgres", "postgres"), venue.url());
        // stored with their coverage, so the request reads PostgreSQL only (the venue holds no such history)
        CandleKey key = new CandleKey("sim", TradingPair.parse("BTC-USDT"), CandleInterval.M1);
        List<CandleBar> candles = new ArrayList<>(CANDLES);
        double price = 30_000;
        for (int i = 0; i < CANDLES; i++) {
            price += Math.sin(i / 97.0) * 3.7;
            candles.add(new CandleBar(FROM + i * 60L, price, price + 4.25, price - 3.5, price + 0.75, 1.5 + i % 7,
                    price * 1.5, 12 + i % 40, 0.7, price * 0.7));
        }
        server.bean(CandleStore.class).store(key, candles, new Range(FROM, FROM + CANDLES * 60L));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        venue.close();
        postgres.close();
    }

    static HttpRequest request(boolean gzip) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/market-data/historical-candles"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(REQUEST));
        if (gzip) {
            b.header("Accept-Encoding", "gzip, deflate");
        }
        return b.build();
    }

    @Test
    void aLargeRangeIsTheSameJsonWithAndWithoutGzipInAFractionOfTheBytes() throws Exception {
        HttpResponse<byte[]> plain = http.send(request(false), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> zipped = http.send(request(true), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(zipped.headers().allValues("Vary")).anySatisfy(v -> assertThat(v).containsIgnoringCase("Accept-Encoding"));
        byte[] unzipped;
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
            unzipped = in.readAllBytes();
        }
        assertThat(unzipped).as("the gzip'd answer unzips to the plain one").isEqualTo(plain.body());
        assertThat(zipped.body().length).as("compressed bytes vs %s plain", plain.body().length)
                .isLessThan(plain.body().length / 3);
        String json = new String(plain.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).startsWith("[{\"timestamp\":" + FROM + ",").endsWith("}]");
        assertThat(json.split("\"timestamp\"", -1)).hasSize(CANDLES + 1);
    }

    /**
     * The client reads the answer's first bytes and then stops: a service that built the body before sending it holds
     * all of it now (the answer cannot finish), a streaming one only what it is writing (the rows of one fetch, its
     * buffers). Retained heap is measured after a full GC, before the request and while it is stalled.
     */
    @Test
    void theServiceStreamsTheAnswerInsteadOfHoldingItInItsHeap() throws Exception {
        HttpResponse<InputStream> whole = http.send(request(false), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(whole.headers().firstValue("Content-Length")).as("a streamed answer has no length up front").isEmpty();
        long bodyBytes;
        try (InputStream in = whole.body()) {
            bodyBytes = in.transferTo(java.io.OutputStream.nullOutputStream());
        }

        long before = retainedHeap();
        HttpResponse<InputStream> stalled = http.send(request(false), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = stalled.body()) {
            assertThat(in.readNBytes(64 * 1024)).hasSize(64 * 1024);
            long during = retainedHeap() - before;

            assertThat(during).as("heap the service keeps mid-answer vs a body of %s bytes", bodyBytes)
                    .isLessThan(bodyBytes / 4);
        }
    }

    /** Heap in use after a full collection (the test and the service share this JVM; the test holds nothing big). */
    static long retainedHeap() {
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
