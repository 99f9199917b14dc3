package io.aviary.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Where the gateway's edge answers for the whole API, against api-catalog §1.0 (issue 11): the root
 * body is the original's, and an unknown path asks for credentials before it says 404 (ADR 0003:
 * a caller without credentials learns nothing about which paths exist).
 */
class ContractEdgeHttpTest extends GatewayHttpTestBase {

    @Test
    void rootAnswersTheOriginalsBodyWithoutAuth() {
        HttpResponse<String> root = send(request("/"));
        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(root.body()).isEqualTo("{\"name\":\"Backend API\",\"version\":\"0.2.0\",\"status\":\"running\"}");
    }

    @Test
    void anUnknownPathIs401WithoutCredentialsAnd404WithThem() {
        HttpResponse<String> anonymous = send(clientFrom("127.0.0.111"), request("/no/such/router"));
        assertThat(anonymous.statusCode()).as("no route list for callers without credentials").isEqualTo(401);
        assertThat(anonymous.body()).isEqualTo("{\"detail\":\"Not authenticated\"}");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic");

        HttpResponse<String> known = send(authorized("/no/such/router"));
        assertThat(known.statusCode()).isEqualTo(404);
        assertThat(known.body()).isEqualTo("{\"detail\":\"Not Found\"}");
    }
}
