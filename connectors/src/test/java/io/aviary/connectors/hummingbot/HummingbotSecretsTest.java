package io.aviary.connectors.hummingbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HummingbotSecretsTest {

    private static final KdfSettings FAST = new KdfSettings(KdfSettings.Kdf.PBKDF2, 1000);

    @TempDir
    Path conf;

    @Test
    void aSecretIsTheLowercaseHexOfAKeyfileJsonAndDecryptsBack() {
        HummingbotSecrets secrets = new HummingbotSecrets("a-password", FAST);

        String encrypted = secrets.encrypt("my-api-secret");

        assertThat(encrypted).matches("[0-9a-f]+").startsWith(hex("{\"crypto\": {\"cipher\": \"aes-128-ctr\""));
        assertThat(secrets.decrypt(encrypted)).isEqualTo("my-api-secret");
    }

    /**
     * One manager derives its key once: its values share the salt but each has its own IV, and each decrypts on its own
     * (through a second manager that knows only the password, as Hummingbot reads them file by file).
     */
    @Test
    void valuesOfOneManagerShareOneDerivationYetEachHasItsOwnIvAndDecryptsAlone() {
        HummingbotSecrets writer = new HummingbotSecrets("a-password", FAST);
        String first = json(writer.encrypt("key-123"));
        String second = json(writer.encrypt("secret-456"));

        assertThat(field(first, "salt")).isEqualTo(field(second, "salt"));
        assertThat(field(first, "iv")).isNotEqualTo(field(second, "iv"));
        HummingbotSecrets reader = new HummingbotSecrets("a-password", FAST);
        assertThat(reader.decrypt(hex(first))).isEqualTo("key-123");
        assertThat(reader.decrypt(hex(second))).isEqualTo("secret-456");
        assertThat(field(json(new HummingbotSecrets("a-password", FAST).encrypt("x")), "salt"))
                .as("another manager, another salt").isNotEqualTo(field(first, "salt"));
    }

    private static String json(String hexText) {
        return new String(HexFormat.of().parseHex(hexText), StandardCharsets.UTF_8);
    }

    private static String field(String json, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\": \"([0-9a-f]*)\"").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1);
    }

    @Test
    void writesAsHummingbotDoesByDefault() {
        String json = new String(HexFormat.of().parseHex(new HummingbotSecrets("a-password").encrypt("x")),
                StandardCharsets.UTF_8);

        assertThat(json).contains("\"kdf\": \"pbkdf2\", \"kdfparams\": {\"c\": 1000000, \"dklen\": 32, "
                + "\"prf\": \"hmac-sha256\"");
    }

    @Test
    void anotherPasswordIsAWrongPasswordNeverShowingEither() {
        String encrypted = new HummingbotSecrets("right-password", FAST).encrypt("my-api-secret");

        assertThatThrownBy(() -> new HummingbotSecrets("wrong-password", FAST).decrypt(encrypted))
                .isInstanceOf(WrongPasswordException.class)
                .hasMessageContaining("MAC mismatch")
                .hasMessageNotContaining("password-")
                .hasMessageNotContaining("my-api-secret");
    }

    @Test
    void thePasswordVerificationFileHoldsTheEncryptedWordAndChecksThePassword() throws Exception {
        new HummingbotSecrets("right-password", FAST).writePasswordVerification(conf);

        String stored = Files.readString(conf.resolve(".password_verification"));
        assertThat(stored).matches("[0-9a-f]+");
        assertThat(new HummingbotSecrets("right-password").decrypt(stored)).isEqualTo("HummingBot");
        new HummingbotSecrets("right-password").verifyPassword(conf);
        assertThatThrownBy(() -> new HummingbotSecrets("wrong-password").verifyPassword(conf))
                .isInstanceOf(WrongPasswordException.class);
    }

    @Test
    void aMissingPasswordVerificationFileSaysSo() {
        assertThatThrownBy(() -> new HummingbotSecrets("right-password").verifyPassword(conf))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(NoSuchFileException.class);
    }

    @Test
    void garbageIsMalformedNotAWrongPassword() {
        HummingbotSecrets secrets = new HummingbotSecrets("a-password", FAST);

        assertThatThrownBy(() -> secrets.decrypt("zz-not-hex")).isInstanceOf(MalformedKeyfileException.class);
        assertThatThrownBy(() -> secrets.decrypt(hex("[1, 2]"))).isInstanceOf(MalformedKeyfileException.class);
    }

    @Test
    void neverShowsItsPassword() {
        assertThat(new HummingbotSecrets("a-password", FAST).toString()).doesNotContain("a-password");
        assertThatThrownBy(() -> new HummingbotSecrets("", FAST)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }
}
