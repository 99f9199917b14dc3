package io.aviary.connectors.hummingbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KeyfileV3Test {

    /** The Web3 Secret Storage definition's test vectors: password "testpassword", this secret. */
    private static final String VECTOR_SECRET = "7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d";
    private static final String VECTOR_PBKDF2 = """
            {"crypto": {"cipher": "aes-128-ctr", "cipherparams": {"iv": "6087dab2f9fdbbfaddc31a909735c1e6"},
              "ciphertext": "5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46", "kdf": "pbkdf2",
              "kdfparams": {"c": 262144, "dklen": 32, "prf": "hmac-sha256",
                "salt": "ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd"},
              "mac": "517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2"},
             "id": "3198bc9c-6672-5ab3-d995-4942343ae5b6", "version": 3}""";
    private static final String VECTOR_SCRYPT = """
            {"crypto": {"cipher": "aes-128-ctr", "cipherparams": {"iv": "83dbcc02d8ccb40e466191a123791e0e"},
              "ciphertext": "d172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c", "kdf": "scrypt",
              "kdfparams": {"dklen": 32, "n": 262144, "r": 1, "p": 8,
                "salt": "ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19"},
              "mac": "2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097"},
             "id": "3198bc9c-6672-5ab3-d995-4942343ae5b6", "version": 3}""";
    private static final byte[] TEST_PASSWORD = "testpassword".getBytes(StandardCharsets.UTF_8);
    private static final KdfSettings FAST = new KdfSettings(KdfSettings.Kdf.PBKDF2, 1000);

    @Test
    void decryptsThePublishedPbkdf2Vector() {
        assertThat(HexFormat.of().formatHex(KeyfileV3.decrypt(VECTOR_PBKDF2, TEST_PASSWORD))).isEqualTo(VECTOR_SECRET);
    }

    @Test
    void decryptsThePublishedScryptVector() {
        assertThat(HexFormat.of().formatHex(KeyfileV3.decrypt(VECTOR_SCRYPT, TEST_PASSWORD))).isEqualTo(VECTOR_SECRET);
    }

    @Test
    void aWrongPasswordIsAMacMismatch() {
        assertThatThrownBy(() -> KeyfileV3.decrypt(VECTOR_PBKDF2, "testpassworD".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(WrongPasswordException.class)
                .hasMessageContaining("MAC mismatch")
                .hasMessageNotContaining("testpassw");
    }

    @Test
    void writesPythonJsonDumpsTextInHummingbotsKeyOrder() {
        String json = KeyfileV3.encrypt("secret".getBytes(StandardCharsets.UTF_8), TEST_PASSWORD, FAST);

        assertThat(json).matches("\\{\"crypto\": \\{\"cipher\": \"aes-128-ctr\", \"cipherparams\": \\{\"iv\": \"[0-9a-f]+\"}, "
                + "\"ciphertext\": \"[0-9a-f]{12}\", \"kdf\": \"pbkdf2\", \"kdfparams\": \\{\"c\": 1000, \"dklen\": 32, "
                + "\"prf\": \"hmac-sha256\", \"salt\": \"[0-9a-f]{32}\"}, \"mac\": \"[0-9a-f]{64}\"}, \"version\": 3, "
                + "\"alias\": \"\"}");
        assertThat(new String(KeyfileV3.decrypt(json, TEST_PASSWORD), StandardCharsets.UTF_8)).isEqualTo("secret");
    }

    @Test
    void scryptKeyfilesRoundTripWithEthKeyfilesParameters() {
        String json = KeyfileV3.encrypt("secret".getBytes(StandardCharsets.UTF_8), TEST_PASSWORD,
                new KdfSettings(KdfSettings.Kdf.SCRYPT, 1024));

        assertThat(json).contains("\"kdf\": \"scrypt\", \"kdfparams\": {\"dklen\": 32, \"n\": 1024, \"r\": 1, \"p\": 8, ");
        assertThat(new String(KeyfileV3.decrypt(json, TEST_PASSWORD), StandardCharsets.UTF_8)).isEqualTo("secret");
    }

    @Test
    void aPasswordThatIsNotUtf8DerivesFromItsExactBytes() {
        byte[] password = {(byte) 0xff, 'a'};
        String json = KeyfileV3.encrypt("secret".getBytes(StandardCharsets.UTF_8), password, FAST);

        assertThat(new String(KeyfileV3.decrypt(json, password), StandardCharsets.UTF_8)).isEqualTo("secret");
        assertThatThrownBy(() -> KeyfileV3.decrypt(json, "?a".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(WrongPasswordException.class);
    }

    @Test
    void anIvShorterThan16BytesIsReadAsAnIntegerLeftPaddedWithZeros() {
        // The MAC does not cover the IV: the same ciphertext under IV 00…01 and under "01" must decrypt alike.
        String full = VECTOR_PBKDF2.replace("6087dab2f9fdbbfaddc31a909735c1e6", "00000000000000000000000000000001");
        String minimal = VECTOR_PBKDF2.replace("6087dab2f9fdbbfaddc31a909735c1e6", "01");

        assertThat(KeyfileV3.decrypt(minimal, TEST_PASSWORD)).isEqualTo(KeyfileV3.decrypt(full, TEST_PASSWORD));
    }

    @Test
    void rejectsWhatIsNoKeyfileItCanOpenWithoutEchoingIt() {
        assertThatThrownBy(() -> KeyfileV3.decrypt("not json {", TEST_PASSWORD))
                .isInstanceOf(MalformedKeyfileException.class).hasMessage("not a readable keyfile v3: not JSON");
        assertThatThrownBy(() -> KeyfileV3.decrypt(VECTOR_PBKDF2.replace("aes-128-ctr", "aes-128-cbc"), TEST_PASSWORD))
                .isInstanceOf(MalformedKeyfileException.class).hasMessageContaining("cipher must be aes-128-ctr");
        assertThatThrownBy(() -> KeyfileV3.decrypt(VECTOR_SCRYPT.replace("\"n\": 262144", "\"n\": 4194304"),
                TEST_PASSWORD))
                .isInstanceOf(MalformedKeyfileException.class).hasMessageContaining("kdfparams.n");
        assertThatThrownBy(() -> KeyfileV3.decrypt(VECTOR_PBKDF2.replace("\"c\": 262144", "\"c\": 2000000000"),
                TEST_PASSWORD))
                .isInstanceOf(MalformedKeyfileException.class).hasMessageContaining("kdfparams.c");
    }
}
