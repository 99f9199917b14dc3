package io.aviary.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class ClientAddressTest {

    private static MockServerWebExchange from(String peer, String forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/accounts/")
                .remoteAddress(new InetSocketAddress(peer, 40000));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return MockServerWebExchange.from(request);
    }

    @Test
    void usesThePeerAddressAndIgnoresForwardedForByDefault() {
        assertThat(new ClientAddress(false).of(from("10.1.2.3", "198.51.100.1"))).isEqualTo("10.1.2.3");
    }

    @Test
    void whenTrustedTakesTheEntryTheProxyAppended() {
        ClientAddress trusting = new ClientAddress(true);
        assertThat(trusting.of(from("10.0.0.1", "6.6.6.6, 203.0.113.5"))).isEqualTo("203.0.113.5");
        assertThat(trusting.of(from("10.0.0.1", "203.0.113.5"))).isEqualTo("203.0.113.5");
        assertThat(trusting.of(from("10.0.0.1", null))).isEqualTo("10.0.0.1");
    }
}
