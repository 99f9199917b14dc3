package io.aviary.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;

class CredentialsTokenTest {

    static class Guarded {
        public String read() {
            return "secret";
        }
    }

    static class Other {
        public String read() {
            return "public";
        }
    }

    private final CredentialsToken token = CredentialsToken.require("cred-secret", "accounts-service");
    private final CredentialsTokenInterceptor interceptor = new CredentialsTokenInterceptor(token, Guarded.class);

    @Test
    void aServiceWithoutTheTokenDoesNotStartAndTheMessageNamesOnlyTheVariable() {
        assertThatThrownBy(() -> CredentialsToken.require(" ", "trading-service"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("AVIARY_CREDENTIALS_TOKEN is not set: trading-service");
        assertThat(token.toString()).doesNotContain("cred-secret");
    }

    @Test
    void theGuardedControllerNeedsTheCredentialsToken() throws Exception {
        HandlerMethod guarded = new HandlerMethod(new Guarded(), Guarded.class.getMethod("read"));
        assertThat(call(guarded, null).getStatus()).isEqualTo(403);
        MockHttpServletResponse wrong = call(guarded, "internal-token-only");
        assertThat(wrong.getStatus()).isEqualTo(403);
        assertThat(wrong.getContentAsString()).contains("X-Aviary-Credentials-Token").doesNotContain("cred-secret");
        assertThat(call(guarded, "cred-secret").getStatus()).isEqualTo(200);
    }

    @Test
    void otherControllersAreNotAffected() throws Exception {
        HandlerMethod other = new HandlerMethod(new Other(), Other.class.getMethod("read"));
        assertThat(call(other, null).getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse call(HandlerMethod handler, String presented) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/internal/credentials");
        if (presented != null) {
            request.addHeader(CredentialsToken.HEADER, presented);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        boolean proceed = interceptor.preHandle(request, response, handler);
        assertThat(proceed).isEqualTo(response.getStatus() == 200);
        return response;
    }
}
