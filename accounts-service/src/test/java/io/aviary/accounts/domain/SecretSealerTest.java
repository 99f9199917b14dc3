package io.aviary.accounts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.accounts.domain.SecretSealer.KdfParams;
import io.aviary.accounts.domain.SecretSealer.SealBrokenException;
import org.junit.jupiter.api.Test;

class SecretSealerTest {

    // Small KDF cost keeps the unit test fast; the parameters travel inside the sealed value.
    private static final KdfParams CHEAP = new KdfParams(1024, 1, 1);
    private static final byte[] VAULT_SALT = SecretSealer.newVaultSalt();
    private final SecretSealer sealer = new SecretSealer("correct horse", CHEAP, VAULT_SALT);

    /** Sealed by the v1 sealer (Argon2id per value) with password "legacy-password", before the KEK format. */
    private static final String LEGACY_V1 =
            "v1.argon2id.1024.1.1.DJR-yg13ZR85uvfQPZGwbQ.a6JWzQrzx_riCNG1.WUD0XgpMYPOWQcszEEnX3Bh46q-nKYAXAqBotW4";

    @Test
    void opensWhatItSealed() {
        String sealed = sealer.seal("s3cr3t-api-key", "slot-a");
        assertThat(sealer.unseal(sealed, "slot-a")).isEqualTo("s3cr3t-api-key");
        assertThat(sealed).doesNotContain("s3cr3t").startsWith("v2.hkdf-sha256.").doesNotContain("argon2id");
    }

    @Test
    void everySealHasItsOwnSaltAndNonce() {
        String a = sealer.seal("same", "slot");
        String b = sealer.seal("same", "slot");
        assertThat(a).isNotEqualTo(b);
        assertThat(a.split("\\.")[2]).isNotEqualTo(b.split("\\.")[2]);
        assertThat(a.split("\\.")[3]).isNotEqualTo(b.split("\\.")[3]);
    }

    @Test
    void anotherPasswordCannotOpenIt() {
        String sealed = sealer.seal("value", "slot");
        assertThatThrownBy(() -> new SecretSealer("wrong", CHEAP, VAULT_SALT).unseal(sealed, "slot"))
                .isInstanceOf(SealBrokenException.class);
    }

    @Test
    void anotherVaultsSaltCannotOpenIt() {
        String sealed = sealer.seal("value", "slot");
        assertThatThrownBy(() -> new SecretSealer("correct horse", CHEAP, SecretSealer.newVaultSalt()).unseal(sealed, "slot"))
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
    void valuesSealedInTheV1FormatStillOpenWithTheirRecordedParameters() {
        SecretSealer legacyVault = new SecretSealer("legacy-password", CHEAP, VAULT_SALT);
        assertThat(legacyVault.unseal(LEGACY_V1, "credential:acct:sim:sim_api_key")).isEqualTo("legacy-secret");
        assertThatThrownBy(() -> legacyVault.unseal(LEGACY_V1, "credential:other:sim:sim_api_key"))
                .isInstanceOf(SealBrokenException.class);
        assertThatThrownBy(() -> sealer.unseal(LEGACY_V1, "credential:acct:sim:sim_api_key"))
                .isInstanceOf(SealBrokenException.class);
    }

    @Test
    void v1ParametersBeyondTheBoundsAreRefusedWithoutComputingThem() {
        String[] parts = LEGACY_V1.split("\\.");
        for (String params : new String[] {"4194304.2.1", "1024.100000.1", "1024.1.64", "0.1.1"}) {
            String hostile = String.join(".", parts[0], parts[1], params, parts[5], parts[6], parts[7]);
            assertThatThrownBy(() -> sealer.unseal(hostile, "credential:acct:sim:sim_api_key"))
                    .isInstanceOf(SealBrokenException.class).hasMessageContaining("out of bounds");
        }
    }

    @Test
    void malformedValuesAreBrokenSealsNotCrashes() {
        for (String bad : new String[] {"", "v2", "v2.hkdf-sha256.!!.??.**", "v2.hkdf-sha256.AAAA.AAAA.AAAA", "v9.x.y.z.w",
                "v1.argon2id.x.1.1.a.b.c"}) {
            assertThatThrownBy(() -> sealer.unseal(bad, "slot")).as(bad).isInstanceOf(SealBrokenException.class);
        }
    }

    @Test
    void toStringNeverShowsThePassword() {
        assertThat(sealer.toString()).doesNotContain("correct horse");
    }
}
