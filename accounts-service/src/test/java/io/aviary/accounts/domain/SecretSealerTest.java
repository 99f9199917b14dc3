package io.aviary.accounts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.accounts.domain.SecretSealer.KdfParams;
import io.aviary.accounts.domain.SecretSealer.SealBrokenException;
import org.junit.jupiter.api.Test;

class SecretSealerTest {

    // Small KDF cost keeps the unit test fast; the parameters travel inside the sealed value.
    private static final KdfParams CHEAP = new KdfParams(1024, 1, 1);
    private final SecretSealer sealer = new SecretSealer("correct horse", CHEAP);

    @Test
    void opensWhatItSealed() {
        String sealed = sealer.seal("s3cr3t-api-key", "slot-a");
        assertThat(sealer.unseal(sealed, "slot-a")).isEqualTo("s3cr3t-api-key");
        assertThat(sealed).doesNotContain("s3cr3t").startsWith("v1.argon2id.1024.1.1.");
    }

    @Test
    void everySealHasItsOwnSaltAndNonce() {
        String a = sealer.seal("same", "slot");
        String b = sealer.seal("same", "slot");
        assertThat(a).isNotEqualTo(b);
        assertThat(a.split("\\.")[5]).isNotEqualTo(b.split("\\.")[5]);
        assertThat(a.split("\\.")[6]).isNotEqualTo(b.split("\\.")[6]);
    }

    @Test
    void anotherPasswordCannotOpenIt() {
        String sealed = sealer.seal("value", "slot");
        assertThatThrownBy(() -> new SecretSealer("wrong", CHEAP).unseal(sealed, "slot"))
                .isInstanceOf(SealBrokenException.class);
    }

    @Test
    void aValueMovedToAnotherSlotCannotBeOpened() {
        String sealed = sealer.seal("value", "credential:a:sim:sim_api_key");
        assertThatThrownBy(() -> sealer.unseal(sealed, "credential:b:sim:sim_api_key"))
                .isInstanceOf(SealBrokenException.class);
    }

    @Test
    void anAlteredCiphertextIsDetected() {
        String sealed = sealer.seal("value", "slot");
        char last = sealed.charAt(sealed.length() - 2);
        String altered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A') + sealed.charAt(sealed.length() - 1);
        assertThatThrownBy(() -> sealer.unseal(altered, "slot")).isInstanceOf(SealBrokenException.class);
    }

    @Test
    void storedParametersAreUsedToOpen() {
        String sealedWithDefaults = new SecretSealer("correct horse", SecretSealer.DEFAULT_PARAMS).seal("v", "s");
        assertThat(sealer.unseal(sealedWithDefaults, "s")).isEqualTo("v");
    }

    @Test
    void toStringNeverShowsThePassword() {
        assertThat(sealer.toString()).doesNotContain("correct horse");
    }
}
