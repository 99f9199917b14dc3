package io.aviary.connectors.venues;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.aviary.connectors.venues.resilience.ResiliencePolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Serves recorded venue answers (files under {@code src/test/resources/venues/<venue>/}, shaped as the venue
 * documents them) from WireMock on a random port, with the adapter's base URL pointed at it.
 */
public abstract class WireMockVenueTest {

    protected static WireMockServer wm;

    @BeforeAll
    static void startWireMock() {
        wm = new WireMockServer(options().dynamicPort());
        wm.start();
    }

    @AfterAll
    static void stopWireMock() {
        wm.stop();
    }

    @BeforeEach
    void resetWireMock() {
        wm.resetAll();
    }

    protected static String fixture(String path) {
        try (InputStream in = WireMockVenueTest.class.getResourceAsStream("/venues/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Settings pointing {@code connector} at WireMock, polling only, no retries (tests count requests). */
    protected static VenueSettings settings(String... connectors) {
        VenueSettings s = VenueSettings.defaults().withStreaming(false)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(200));
        for (String c : connectors) {
            s = s.withBaseUrl(c, URI.create(wm.baseUrl()))
                    .withPolicy(c, ResiliencePolicy.perSecond(1000).withReadAttempts(1, Duration.ZERO));
        }
        return s;
    }

    /** The connector factory of {@code name} from {@link VenueConnectors#all}. */
    protected static io.aviary.connectors.port.ConnectorFactory factory(String name, VenueSettings settings) {
        return VenueConnectors.all(settings).stream().filter(f -> f.spec().name().equals(name)).findFirst()
                .orElseThrow();
    }

    protected static LoggedRequest onlyRequest(List<LoggedRequest> requests) {
        if (requests.size() != 1) {
            throw new AssertionError("expected one request, got " + requests.size());
        }
        return requests.get(0);
    }

    /** The query string of a logged request exactly as sent (without '?'). */
    protected static String rawQuery(LoggedRequest r) {
        String url = r.getUrl();
        int q = url.indexOf('?');
        return q < 0 ? "" : url.substring(q + 1);
    }

    protected static Map<String, String> params(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String kv : query.split("&")) {
            if (kv.isEmpty()) {
                continue;
            }
            int i = kv.indexOf('=');
            out.put(URLDecoder.decode(kv.substring(0, i), StandardCharsets.UTF_8),
                    URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    /**
     * {@code count} history rows made by {@code row} from index {@code first} on, joined with commas
     * (the body of one page of a venue's fill history; the caller wraps it in the venue's envelope).
     */
    protected static String rows(int first, int count, java.util.function.IntFunction<String> row) {
        return java.util.stream.IntStream.range(first, first + count).mapToObj(row)
                .collect(java.util.stream.Collectors.joining(","));
    }

    /** Every one of {@code expected} fills exactly once, oldest first: nothing beyond the first page was skipped. */
    protected static void assertEveryFillOnce(List<io.aviary.connectors.model.Fill> fills, int expected) {
        org.assertj.core.api.Assertions.assertThat(fills).hasSize(expected);
        org.assertj.core.api.Assertions.assertThat(fills.stream().map(io.aviary.connectors.model.Fill::tradeId).distinct())
                .hasSize(expected);
        org.assertj.core.api.Assertions.assertThat(fills)
                .isSortedAccordingTo(java.util.Comparator.comparing(io.aviary.connectors.model.Fill::timestamp));
    }
}
