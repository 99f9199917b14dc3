package io.aviary.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** CORS is off by default: a foreign page's preflight and request are refused without allow headers. */
class CorsHttpTest extends GatewayHttpTestBase {

    static final String FOREIGN = "https://evil.example";

    static HttpRequest.Builder preflight(HttpRequest.Builder request, String origin) {
        return request.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type");
    }

    static void assertNoCorsHeaders(HttpResponse<String> response) {
        assertThat(response.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
    }

    @Test
    void aForeignPreflightIsRefusedWithoutAllowHeaders() {
        HttpResponse<String> response = send(preflight(request("/accounts/add-account"), FOREIGN));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("\"detail\"").contains("AVIARY_CORS_ALLOWED_ORIGINS");
        assertNoCorsHeaders(response);
        assertThat(SERVICE.lastRequestTo("/accounts/add-account")).isEmpty();
    }

    @Test
    void aForeignRequestWithValidCredentialsNeverReachesTheService() {
        // A browser sends cached Basic credentials on a foreign page's form post: refuse, don't just hide the answer.
        HttpResponse<String> response = send(authorized("/accounts/cors-foreign").header("Origin", FOREIGN)
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(response.statusCode()).isEqualTo(403);
        assertNoCorsHeaders(response);
        assertThat(SERVICE.lastRequestTo("/accounts/cors-foreign")).isEmpty();
    }

    @Test
    void requestsWithoutAForeignOriginAreUntouched() {
        assertThat(send(authorized("/accounts/no-origin")).statusCode()).isEqualTo(200);
        HttpResponse<String> sameOrigin = send(authorized("/accounts/same-origin").header("Origin", "http://127.0.0.1:" + port));
        assertThat(sameOrigin.statusCode()).isEqualTo(200);
        assertNoCorsHeaders(sameOrigin);
    }
}
