package io.aviary.gateway;

import io.aviary.gateway.support.FakeService;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway over real HTTP, configured through the same variables the launcher sets, in front of
 * a real service ({@link FakeService}) for accounts, market-data and backtesting, while trading,
 * orchestration and archive point at a closed port. Subclasses share one application context.
 *
 * <p>The login throttle keys on the TCP peer address, so tests that fail logins connect from their
 * own loopback address (127.0.0.x) and cannot throttle one another.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "USERNAME=desk", "PASSWORD=s3cret-pw", "AVIARY_INTERNAL_TOKEN=internal-tok-123",
        "aviary.gateway.login-throttle.free-failures=2",
        "aviary.gateway.max-body-bytes=1000",
        "aviary.gateway.response-timeout=1s"})
abstract class GatewayHttpTestBase {

    static final String PASSWORD = "s3cret-pw";
    static final String INTERNAL_TOKEN = "internal-tok-123";
    static final String GOOD = basic("desk", PASSWORD);
    static final FakeService SERVICE = FakeService.start();
    private static final String DEAD = FakeService.closedPortUrl();
    private static final HttpClient LOCAL = clientFrom("127.0.0.1");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void serviceUrls(DynamicPropertyRegistry registry) {
        registry.add("AVIARY_ACCOUNTS_URL", SERVICE::baseUrl);
        registry.add("AVIARY_MARKET_DATA_URL", SERVICE::baseUrl);
        registry.add("AVIARY_BACKTESTING_URL", SERVICE::baseUrl);
        registry.add("AVIARY_TRADING_URL", () -> DEAD);
        registry.add("AVIARY_ORCHESTRATION_URL", () -> DEAD);
        registry.add("AVIARY_ARCHIVE_URL", () -> DEAD);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A client whose connections come from {@code loopbackAddress} (any 127.0.0.x works on Linux). */
    static HttpClient clientFrom(String loopbackAddress) {
        try {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .localAddress(InetAddress.getByName(loopbackAddress)).build();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(15));
    }

    HttpRequest.Builder authorized(String path) {
        return request(path).header("Authorization", GOOD);
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        return send(LOCAL, request);
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("request failed: " + e, e);
        }
    }
}
