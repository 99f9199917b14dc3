package io.aviary.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The public-path exemption is decided on the parsed path, and paths read differently raw and decoded are 400. */
class InternalTokenFilterPathTest {

    private static final String TOKEN = "internal-secret";
    private final InternalTokenFilter filter = new InternalTokenFilter(TOKEN);

    /** raw URI as sent, servlet path as the container decodes and normalizes it. */
    @ParameterizedTest
    @CsvSource({
            "/actuator/health/..%2f..%2finternal/credentials, /internal/credentials",
            "/actuator/health/%2e%2e/%2e%2e/internal/credentials, /internal/credentials",
            "/actuator/health/%2E%2E/%2E%2E/internal/credentials, /internal/credentials",
            "/actuator/health/../../internal/credentials, /internal/credentials",
            "/actuator/health;x=/../../internal/credentials, /internal/credentials",
            "/actuator/health//../internal/credentials, /internal/credentials",
            "/actuator/health/..%5c..%5cinternal/credentials, /internal/credentials",
            "/internal/credentials/./a/b, /internal/credentials/a/b"})
    void pathTricksAre400WithoutReachingTheService(String raw, String parsed) throws Exception {
        MockHttpServletResponse response = run(request(raw, parsed), null);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).startsWith("{\"detail\":\"Request path not allowed: it contains '")
                .doesNotContain("internal/credentials");
    }

    @Test
    void healthAndMetricsStayOpen() throws Exception {
        assertThat(passed(request("/actuator/health", "/actuator/health"), null)).isTrue();
        assertThat(passed(request("/actuator/health/liveness", "/actuator/health/liveness"), null)).isTrue();
        assertThat(passed(request("/actuator/prometheus", "/actuator/prometheus"), null)).isTrue();
    }

    @Test
    void theExemptionFollowsTheParsedPathNotTheRawOne() throws Exception {
        // whatever the raw spelling, a request the container routes to /internal/... needs the token
        MockHttpServletResponse response = run(request("/actuator/health/x", "/internal/credentials"), null);
        assertThat(response.getStatus()).isEqualTo(401);
    }

    @Test
    void everythingElseNeedsTheToken() throws Exception {
        assertThat(run(request("/internal/credentials", "/internal/credentials"), null).getStatus()).isEqualTo(401);
        assertThat(run(request("/internal/credentials", "/internal/credentials"), "guess").getStatus()).isEqualTo(401);
        assertThat(passed(request("/internal/credentials", "/internal/credentials"), TOKEN)).isTrue();
        assertThat(passed(request("/accounts/a%20b", "/accounts/a b"), TOKEN)).isTrue();
    }

    private static MockHttpServletRequest request(String raw, String servletPath) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", raw);
        request.setServletPath(servletPath);
        return request;
    }

    private MockHttpServletResponse run(MockHttpServletRequest request, String token) throws ServletException, IOException {
        if (token != null) {
            request.addHeader(InternalTokenFilter.HEADER, token);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private boolean passed(MockHttpServletRequest request, String token) throws ServletException, IOException {
        if (token != null) {
            request.addHeader(InternalTokenFilter.HEADER, token);
        }
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        return chain.getRequest() != null;
    }
}
