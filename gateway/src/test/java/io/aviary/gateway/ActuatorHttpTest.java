package io.aviary.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The gateway's actuator: health status for anyone, health details and metrics only for an operator (Basic). */
class ActuatorHttpTest extends GatewayHttpTestBase {

    @Test
    void anonymousHealthIsStatusOnly() {
        HttpResponse<String> health = send(request("/actuator/health"));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components").doesNotContain("details");

        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> group = send(request(probe));
            assertThat(group.statusCode()).as(probe).isEqualTo(200);
            assertThat(group.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    @Test
    void anOperatorSeesHealthComponentsWithTheirDetails() {
        HttpResponse<String> health = send(authorized("/actuator/health"));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"components\"")
                .contains("\"diskSpace\"").contains("\"details\"");
    }

    @Test
    void theDetailedGroupIsNotOpenUnderItsOwnPath() {
        HttpResponse<String> anonymous = send(request("/actuator/health/operator"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("components");
        assertThat(send(authorized("/actuator/health/operator")).body()).contains("\"components\"");
        assertThat(send(request("/actuator/health/operator/diskSpace")).statusCode()).isEqualTo(401);
    }

    @Test
    void wrongCredentialsOnHealthAre401NotAQuietStatus() {
        HttpClient client = clientFrom("127.0.0.81");
        HttpResponse<String> health = send(client, request("/actuator/health").header("Authorization", basic("desk", "wrong")));
        assertThat(health.statusCode()).isEqualTo(401);
        assertThat(health.body()).doesNotContain("components");
    }

    @Test
    void metricsNeedAnOperator() {
        HttpResponse<String> anonymous = send(request("/actuator/prometheus"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().allValues("WWW-Authenticate")).containsExactly("Basic");
        assertThat(anonymous.body()).doesNotContain("jvm_");

        HttpResponse<String> operator = send(authorized("/actuator/prometheus"));
        assertThat(operator.statusCode()).isEqualTo(200);
        assertThat(operator.body()).contains("jvm_memory_used_bytes");
    }
}
