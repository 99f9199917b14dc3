package io.aviary.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.gateway.support.FakeService.Seen;
import java.net.http.HttpClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * AVIARY_TRUSTED_PROXIES is the one list both the edge filter and Spring Cloud Gateway's forwarded-header handling
 * follow: a request from a listed proxy reaches the service with that proxy in X-Forwarded-For (SCG appends the peer and
 * keeps only chain entries that are themselves listed proxies, so a client-chosen address never gets through); from
 * anyone else the service gets no X-Forwarded-For at all. Before the wiring SCG had no trusted proxies and removed the
 * header even for the listed proxy.
 */
@TestPropertySource(properties = "AVIARY_TRUSTED_PROXIES=127.0.0.2")
class TrustedProxiesHttpTest extends GatewayHttpTestBase {

    private static final HttpClient PROXY = clientFrom("127.0.0.2");

    @Test
    void aListedProxyIsNamedToTheServiceButNotTheAddressItsClientClaims() {
        send(PROXY, authorized("/accounts/via-proxy").header("X-Forwarded-For", "203.0.113.7"));
        Seen seen = SERVICE.lastRequestTo("/accounts/via-proxy").orElseThrow();
        assertThat(forwardedFor(seen)).isEqualTo("127.0.0.2");
    }

    @Test
    void anUnlistedPeersForwardedForNeverReachesTheService() {
        send(authorized("/accounts/direct").header("X-Forwarded-For", "203.0.113.7"));
        Seen seen = SERVICE.lastRequestTo("/accounts/direct").orElseThrow();
        assertThat(forwardedFor(seen)).isEmpty();
    }

    private static String forwardedFor(Seen seen) {
        return String.join(",", seen.headers().getOrDefault("X-Forwarded-For", List.of())).replace(" ", "");
    }
}
