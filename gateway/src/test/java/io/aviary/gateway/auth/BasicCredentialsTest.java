package io.aviary.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.gateway.auth.BasicCredentials.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    private final BasicCredentials credentials = new BasicCredentials("desk", "pässword:with-colon");

    private static String basic(String raw) {
        return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void acceptsTheConfiguredPairIncludingUtf8AndColonsInThePassword() {
        assertThat(credentials.check(basic("desk:pässword:with-colon"))).isEqualTo(Verdict.ACCEPTED);
        assertThat(credentials.check("basic " + basic("desk:pässword:with-colon").substring(6))).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void distinguishesTheThreeFailuresLikeFastApi() {
        assertThat(credentials.check(null)).isEqualTo(Verdict.NOT_AUTHENTICATED);
        assertThat(credentials.check("Bearer abc")).isEqualTo(Verdict.NOT_AUTHENTICATED);
        assertThat(credentials.check("Basic %%%")).isEqualTo(Verdict.MALFORMED);
        assertThat(credentials.check(basic("no-colon"))).isEqualTo(Verdict.MALFORMED);
        assertThat(credentials.check(basic("desk:wrong"))).isEqualTo(Verdict.WRONG);
        assertThat(credentials.check(basic("other:pässword:with-colon"))).isEqualTo(Verdict.WRONG);
        assertThat(credentials.check("Basic")).isEqualTo(Verdict.MALFORMED);
        assertThat(credentials.check("Basic " + Base64.getEncoder().encodeToString(new byte[] {'d', ':', (byte) 0xff})))
                .as("not UTF-8").isEqualTo(Verdict.MALFORMED);
        assertThat(Verdict.WRONG.detail()).isEqualTo("Incorrect username or password");
    }

    @Test
    void theEncodedOnceShortcutDecidesLikeTheFullCheck() {
        assertThat(credentials.check(basic("desk:pässword:with-colon") + " ")).as("trailing space: full check")
                .isEqualTo(Verdict.ACCEPTED);
        assertThat(credentials.check("Basic  " + basic("desk:pässword:with-colon").substring(6))).isEqualTo(Verdict.ACCEPTED);
        // a user name with a colon never matches, since the decoded value splits at its first colon: no shortcut
        BasicCredentials colonUser = new BasicCredentials("a:b", "c");
        assertThat(colonUser.check(basic("a:b:c"))).isEqualTo(Verdict.WRONG);
    }

    @Test
    void onlyPresentedWrongCredentialsCountAsFailedLogins() {
        assertThat(Verdict.NOT_AUTHENTICATED.isFailedLogin()).isFalse();
        assertThat(Verdict.MALFORMED.isFailedLogin()).isTrue();
        assertThat(Verdict.WRONG.isFailedLogin()).isTrue();
        assertThat(Verdict.ACCEPTED.isFailedLogin()).isFalse();
    }
}
