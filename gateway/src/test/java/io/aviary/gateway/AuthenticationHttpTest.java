package io.aviary.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Basic auth with FastAPI's three 401s, the failed-login throttle, and the public paths (CORS: CorsHttpTest). */
class AuthenticationHttpTest extends GatewayHttpTestBase {

    @Test
    void theThreeUnauthenticatedCasesAnswerLikeFastApi() {
        final String path = "/accounts/unauthenticated-check";
        HttpClient client = clientFrom("127.0.0.11");
        assertUnauthorized(send(client, request(path)), "Not authenticated");
        assertUnauthorized(send(client, request(path).header("Authorization", "Bearer abc")), "Not authenticated");
        assertUnauthorized(send(client, request(path).header("Authorization", "Basic !!!")),
                "Invalid authentication credentials");
        assertUnauthorized(send(client, request(path).header("Authorization", "Basic bm8tY29sb24=")),
                "Invalid authentication credentials");
        // Malformed and wrong credentials both count toward the throttle (3 here): use a second address.
        HttpClient another = clientFrom("127.0.0.16");
        assertUnauthorized(send(another, request(path).header("Authorization", basic("desk", "nope"))),
                "Incorrect username or password");
        assertUnauthorized(send(another, request(path).header("Authorization", basic("root", PASSWORD))),
                "Incorrect username or password");
        assertThat(SERVICE.lastRequestTo(path)).isEmpty();
    }

    private static void assertUnauthorized(HttpResponse<String> response, String detail) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"detail\":\"" + detail + "\"}");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Basic");
    }

    @Test
    void throttlesAnAddressAfterTheBurstEvenWithCorrectCredentials() {
        HttpClient attacker = clientFrom("127.0.0.77");
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> failed = send(attacker, request("/accounts/").header("Authorization", basic("desk", "guess" + i)));
            assertThat(failed.statusCode()).isEqualTo(401);
        }
        HttpResponse<String> throttled = send(attacker, authorized("/accounts/"));
        assertThat(throttled.statusCode()).isEqualTo(429);
        String retryAfter = throttled.headers().firstValue("Retry-After").orElseThrow();
        assertThat(Long.parseLong(retryAfter)).as("never longer than the cap").isBetween(1L, 5L);
        assertThat(throttled.body()).isEqualTo("{\"detail\":\"Too many failed login attempts. Retry in " + retryAfter + " seconds.\"}");

        HttpResponse<String> spoofed = send(attacker, authorized("/accounts/").header("X-Forwarded-For", "198.51.100.9"));
        assertThat(spoofed.statusCode()).as("X-Forwarded-For is not trusted by default").isEqualTo(429);
        assertThat(send(clientFrom("127.0.0.78"), authorized("/accounts/")).statusCode()).as("other addresses").isEqualTo(200);
        assertThat(send(attacker, request("/")).statusCode()).as("public paths stay open").isEqualTo(200);
    }

    @Test
    void aSuccessfulLoginResetsTheCount() {
        HttpClient client = clientFrom("127.0.0.79");
        for (int round = 0; round < 2; round++) {
            assertThat(send(client, request("/accounts/").header("Authorization", basic("desk", "typo"))).statusCode()).isEqualTo(401);
            assertThat(send(client, request("/accounts/").header("Authorization", basic("desk", "typo"))).statusCode()).isEqualTo(401);
            assertThat(send(client, authorized("/accounts/")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void healthStatusIsOpen() {
        // details and metrics need Basic: ActuatorHttpTest; the root body: ContractEdgeHttpTest
        assertThat(send(request("/actuator/health")).statusCode()).isEqualTo(200);
        assertThat(send(request("/actuator/health/liveness")).statusCode()).isEqualTo(200);
    }
}
