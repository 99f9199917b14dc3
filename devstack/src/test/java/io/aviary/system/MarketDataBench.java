package io.aviary.system;

import io.aviary.devstack.RunningSuite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Bench, not a test (run with {@code -Dmd.bench=true}): 500 candles of an active feed through the
 * gateway (p50/p99 one client, requests/s with 4 clients), and a year of 1m candles through the
 * gateway, first from the venue, then from PostgreSQL. Writes {@code devstack/target/market-data-bench.txt}.
 */
@EnabledIfSystemProperty(named = "md.bench", matches = "true")
class MarketDataBench {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void candlesThroughTheGateway() throws Exception {
        RunningSuite suite = RunningSuite.get();
        String auth = "Basic " + Base64.getEncoder().encodeToString((suite.username() + ":" + suite.password())
                .getBytes(StandardCharsets.UTF_8));
        String url = suite.gatewayUrl() + "/market-data/candles";
        String body = "{\"connector\":\"sim\",\"trading_pair\":\"BTC-USDT\",\"interval\":\"1m\",\"max_records\":500}";
        StringBuilder report = new StringBuilder();

        for (int i = 0; i < 300; i++) {
            post(url, auth, body, 200); // warm-up (feed creation, JIT)
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            long t0 = System.nanoTime();
            post(url, auth, body, 200);
            nanos.add(System.nanoTime() - t0);
        }
        Collections.sort(nanos);
        report.append(String.format("500 candles, 1 client, 2000 requests: p50 %.2f ms, p99 %.2f ms%n",
                nanos.get(1000) / 1e6, nanos.get(1980) / 1e6));

        int clients = 4;
        int perClient = 1000;
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            long t0 = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perClient; i++) {
                        post(url, auth, body, 200);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            report.append(String.format("500 candles, %d clients: %.0f requests/s%n", clients, clients * perClient / seconds));
        }

        long end = (Instant.now().getEpochSecond() / 60 - 10) * 60;
        long start = end - 365L * 24 * 3600;
        String year = "{\"connector_name\":\"sim\",\"trading_pair\":\"SOL-USDT\",\"interval\":\"1m\",\"start_time\":" + start
                + ",\"end_time\":" + (end - 60) + "}";
        String hist = suite.gatewayUrl() + "/market-data/historical-candles";
        for (int run = 0; run < 4; run++) {
            long t0 = System.nanoTime();
            int bytes = post(hist, auth, year, 200);
            double seconds = (System.nanoTime() - t0) / 1e9;
            report.append(String.format("year of 1m candles (525600) through the gateway, run %d (%s): %.2f s, %.1f MB%n",
                    run, run == 0 ? "fetched from the venue and stored" : "from PostgreSQL", seconds, bytes / 1e6));
        }
        System.out.print(report);
        Files.writeString(Path.of("target", "market-data-bench.txt"), report);
    }

    private static int post(String url, String auth, String body, int expected) throws Exception {
        HttpResponse<byte[]> response = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body().length;
    }
}
