package io.aviary.connectors.hummingbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.generators.SCrypt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScryptTest {

    /** Where BouncyCastle's RFC-bounded scrypt accepts the parameters, ours derives the same key. */
    @ParameterizedTest
    @CsvSource({"16, 1, 1, 64", "16, 1, 8, 32", "1024, 8, 1, 32", "256, 2, 3, 48"})
    void derivesWhatBouncyCastleDerivesWithinTheRfcBound(int n, int r, int p, int length) {
        byte[] password = "password".getBytes(StandardCharsets.UTF_8);
        byte[] salt = "NaCl".getBytes(StandardCharsets.UTF_8);

        assertThat(Scrypt.derive(password, salt, n, r, p, length))
                .isEqualTo(SCrypt.generate(password, salt, n, r, p, length));
    }
}
