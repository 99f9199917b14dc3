package io.aviary.connectors.hummingbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.connectors.catalog.ConnectorSpec;
import io.aviary.connectors.hummingbot.HummingbotFileException.Reason;
import io.aviary.connectors.model.OrderType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorCredentialFilesTest {

    private static final KdfSettings FAST = new KdfSettings(KdfSettings.Kdf.PBKDF2, 1000);
    private static final ConnectorSpec BINANCE = ConnectorSpec.apiKeyAndSecret("binance", Set.of(OrderType.LIMIT), false);
    /** A connector with a plain (non-secret) field, like Hummingbot's kraken_api_tier. */
    private static final ConnectorSpec KRAKEN = new ConnectorSpec("kraken",
            List.of("kraken_api_key", "kraken_secret_key", "kraken_api_tier"), Set.of("kraken_api_key",
            "kraken_secret_key"), Set.of(OrderType.LIMIT), false);

    private final HummingbotSecrets secrets = new HummingbotSecrets("config-password", FAST);

    @TempDir
    Path conf;

    @Test
    void writesHummingbotsLayoutAndReadsItBack() throws Exception {
        Path file = ConnectorCredentialFiles.write(conf, BINANCE,
                Map.of("binance_api_key", "the-key", "binance_api_secret", "the-secret"), secrets);

        assertThat(file).isEqualTo(conf.resolve("connectors/binance.yml"));
        String text = Files.readString(file);
        assertThat(text).matches("""
                ##########################
                ###   binance config   ###
                ##########################

                connector: binance

                binance_api_key: 7b[0-9a-f]+

                binance_api_secret: 7b[0-9a-f]+
                """);
        assertThat(text).doesNotContain("the-key", "the-secret");
        assertThat(ConnectorCredentialFiles.read(conf, BINANCE, secrets))
                .containsExactly(Map.entry("binance_api_key", "the-key"), Map.entry("binance_api_secret", "the-secret"));
    }

    @Test
    void plainFieldsStayPlain() throws Exception {
        ConnectorCredentialFiles.write(conf, KRAKEN,
                Map.of("kraken_api_key", "k", "kraken_secret_key", "s", "kraken_api_tier", "STARTER"), secrets);

        assertThat(Files.readString(conf.resolve("connectors/kraken.yml"))).endsWith("\nkraken_api_tier: STARTER\n");
        assertThat(ConnectorCredentialFiles.read(conf, KRAKEN, secrets)).containsEntry("kraken_api_tier", "STARTER")
                .containsEntry("kraken_secret_key", "s");
    }

    @Test
    void anotherPasswordIsAWrongPasswordNamingFileAndKey() {
        ConnectorCredentialFiles.write(conf, BINANCE,
                Map.of("binance_api_key", "the-key", "binance_api_secret", "the-secret"), secrets);

        assertThatThrownBy(() -> ConnectorCredentialFiles.read(conf, BINANCE, new HummingbotSecrets("other", FAST)))
                .isInstanceOfSatisfying(HummingbotFileException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSWORD);
                    assertThat(e.key()).isEqualTo("binance_api_key");
                })
                .hasMessageStartingWith("binance.yml: binance_api_key: MAC mismatch")
                .hasMessageNotContaining("the-key");
    }

    @Test
    void aMissingFileIsMissing() {
        assertThatThrownBy(() -> ConnectorCredentialFiles.read(conf, BINANCE, secrets))
                .isInstanceOfSatisfying(HummingbotFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MISSING))
                .hasMessage("binance.yml: file is missing");
    }

    @Test
    void readsOnlyTheConnectorsOwnKeysAllPresentAsHummingbotDoes() throws Exception {
        Path file = conf.resolve("connectors/binance.yml");
        Files.createDirectories(file.getParent());
        String key = secrets.encrypt("k");

        Files.writeString(file, "connector: binance\nbinance_api_key: " + key + "\n");
        assertThatThrownBy(() -> ConnectorCredentialFiles.read(conf, BINANCE, secrets))
                .hasMessage("binance.yml: binance_api_secret: is required");

        Files.writeString(file, "connector: binance\nbinance_api_key: " + key + "\nbinance_api_secret: " + key
                + "\nbinance_passphrase: x\n");
        assertThatThrownBy(() -> ConnectorCredentialFiles.read(conf, BINANCE, secrets))
                .hasMessageStartingWith("binance.yml: binance_passphrase: unknown key");

        Files.writeString(file, "connector: kucoin\nbinance_api_key: " + key + "\nbinance_api_secret: " + key + "\n");
        assertThatThrownBy(() -> ConnectorCredentialFiles.read(conf, BINANCE, secrets))
                .hasMessage("binance.yml: connector: must be binance");

        Files.writeString(file, "connector: binance\nbinance_api_key: nothex\nbinance_api_secret: " + key + "\n");
        assertThatThrownBy(() -> ConnectorCredentialFiles.read(conf, BINANCE, secrets))
                .isInstanceOfSatisfying(HummingbotFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
                .hasMessageStartingWith("binance.yml: binance_api_key: not a readable keyfile v3");
    }

    @Test
    void writingNeedsEveryFieldAndNoOther() {
        assertThatThrownBy(() -> ConnectorCredentialFiles.write(conf, BINANCE, Map.of("binance_api_key", "k"), secrets))
                .hasMessage("binance needs the credential field binance_api_secret");
        assertThatThrownBy(() -> ConnectorCredentialFiles.write(conf, BINANCE,
                Map.of("binance_api_key", "k", "binance_api_secret", "s", "extra", "x"), secrets))
                .hasMessage("binance has no credential field extra");
    }
}
