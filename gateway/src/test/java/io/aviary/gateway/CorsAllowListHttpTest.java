package io.aviary.gateway;

import static io.aviary.gateway.CorsHttpTest.FOREIGN;
import static io.aviary.gateway.CorsHttpTest.assertNoCorsHeaders;
import static io.aviary.gateway.CorsHttpTest.preflight;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With an allow-list, listed origins get CORS (credentials included), every other origin still none. */
@TestPropertySource(properties = "AVIARY_CORS_ALLOWED_ORIGINS=http://dashboard.test, https://ops.example:8443")
class CorsAllowListHttpTest extends GatewayHttpTestBase {

    private static final String LISTED = "http://dashboard.test";

    @Test
    void aListedOriginsPreflightPassesWithoutCredentials() {
        HttpResponse<String> response = send(preflight(request("/accounts/add-account"), LISTED));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(LISTED);
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).contains("true");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(m -> assertThat(m).contains("POST"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
                .contains("authorization").contains("content-type");
        assertThat(SERVICE.lastRequestTo("/accounts/add-account")).as("preflight answered by the gateway").isEmpty();
    }

    @Test
    void aListedOriginCanReadA401AndA200() {
        HttpResponse<String> refused = send(clientFrom("127.0.0.12"), request("/accounts/").header("Origin", LISTED));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).contains(LISTED);

        HttpResponse<String> ok = send(authorized("/accounts/listed").header("Origin", "https://ops.example:8443"));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Access-Control-Allow-Origin")).contains("https://ops.example:8443");
        assertThat(ok.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(h -> assertThat(h).contains("X-Request-Id"));
    }

    @Test
    void anUnlistedOriginIsStillRefused() {
        HttpResponse<String> response = send(preflight(request("/accounts/add-account"), FOREIGN));
        assertThat(response.statusCode()).isEqualTo(403);
        assertNoCorsHeaders(response);
        HttpResponse<String> lookalike = send(preflight(request("/accounts/add-account"), "http://dashboard.test.evil.example"));
        assertThat(lookalike.statusCode()).isEqualTo(403);
    }
}
