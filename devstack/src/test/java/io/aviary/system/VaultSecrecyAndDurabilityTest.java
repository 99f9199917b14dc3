package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.common.events.Topics;
import io.aviary.devstack.RunningSuite;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Secrets stay sealed: a planted credential never shows up in a response, a log line of any
 * service, an event on any topic, or in plaintext in PostgreSQL. The vault survives a restart and
 * refuses to open under a different CONFIG_PASSWORD.
 */
class VaultSecrecyAndDurabilityTest {

    private static RunningSuite suite;
    private static Http api;

    @BeforeAll
    static void startSuite() {
        suite = RunningSuite.get();
        api = Http.to(suite.gatewayUrl()).basicAuth(suite.username(), suite.password());
    }

    @Test
    void aPlantedSecretAppearsNowhere() throws Exception {
        String account = "leak_" + UUID.randomUUID().toString().substring(0, 8);
        var key = SimKeys.create(suite);
        String plantedKey = key.apiKey();
        String plantedSecret = key.apiSecret();
        List<Http.Response> responses = new ArrayList<>();
        responses.add(api.post("/accounts/add-account?account_name=" + account));
        responses.add(api.postJson("/accounts/add-credential/" + account + "/sim",
                "{\"sim_api_key\":\"" + plantedKey + "\",\"sim_api_secret\":\"" + plantedSecret + "\"}"));
        // Failing requests must not echo the secret either: wrong field set, wrong type, broken JSON.
        responses.add(api.postJson("/accounts/add-credential/" + account + "/sim",
                "{\"sim_api_key\":\"" + plantedKey + "\",\"extra\":\"" + plantedSecret + "\"}"));
        responses.add(api.postJson("/accounts/add-credential/" + account + "/sim", "{\"sim_api_key\":\"" + plantedKey));
        responses.add(api.postJson("/accounts/add-credential/" + account + "/not_a_venue",
                "{\"k\":\"" + plantedSecret + "\"}"));
        responses.add(api.get("/accounts/" + account + "/credentials"));
        responses.add(api.post("/accounts/delete-account?account_name=" + account));
        assertThat(responses.get(1).status()).isEqualTo(201);

        // Wait until the events of this account are on Kafka, so the scan covers them.
        TopicReader.awaitEnvelopes(suite.kafkaBootstrap(), Topics.ACCOUNTS,
                e -> e.type().equals("AccountDeleted") && e.key().equals(account), Duration.ofSeconds(30));

        for (String planted : List.of(plantedKey, plantedSecret)) {
            assertThat(responses).allSatisfy(r -> assertThat(r.body()).doesNotContain(planted));
            for (String module : RunningSuite.MODULES) {
                if (module.equals("sim-exchange") && planted.equals(plantedKey)) {
                    continue; // the venue issued the key; only its secret must never appear in the venue's log
                }
                assertThat(suite.serviceLog(module)).as("log of %s", module).doesNotContain(planted);
            }
            for (String topic : Topics.ALL) {
                assertThat(TopicReader.rawRecords(suite.kafkaBootstrap(), topic)).as("topic %s", topic)
                        .noneMatch(record -> record.contains(planted));
            }
        }
        assertThat(TopicReader.envelopes(suite.kafkaBootstrap(), Topics.ACCOUNTS))
                .filteredOn(e -> e.key().equals(account)).extracting(e -> e.type())
                .containsExactly("AccountCreated", "CredentialAdded", "CredentialRemoved", "AccountDeleted");
    }

    @Test
    void credentialsAreStoredSealedNotInPlaintext() throws Exception {
        String account = "sealed_" + UUID.randomUUID().toString().substring(0, 8);
        var key = SimKeys.create(suite);
        api.post("/accounts/add-account?account_name=" + account);
        assertThat(api.postJson("/accounts/add-credential/" + account + "/sim", SimKeys.credentialJson(key, "sim")).status())
                .isEqualTo(201);
        Map<String, String> stored = new java.util.HashMap<>();
        try (Connection c = DriverManager.getConnection(suite.jdbcUrl(), suite.jdbcUser(), suite.jdbcPassword());
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT field_name, sealed_value FROM accounts.credential_field WHERE account_name = '" + account + "'")) {
            while (rs.next()) {
                stored.put(rs.getString(1), rs.getString(2));
            }
        }
        assertThat(stored).containsOnlyKeys("sim_api_key", "sim_api_secret");
        assertThat(stored.values()).allSatisfy(v -> assertThat(v).startsWith("v2.hkdf-sha256.")
                .doesNotContain(key.apiKey()).doesNotContain(key.apiSecret()));
        assertThat(stored.get("sim_api_key")).as("own salt and nonce per secret").isNotEqualTo(stored.get("sim_api_secret"));
    }

    @Test
    void aRestartKeepsAccountsAndCredentials() {
        String account = "durable_" + UUID.randomUUID().toString().substring(0, 8);
        api.post("/accounts/add-account?account_name=" + account);
        assertThat(api.postJson("/accounts/add-credential/" + account + "/sim_perpetual",
                SimKeys.credentialJson(SimKeys.create(suite), "sim_perpetual")).status()).isEqualTo(201);

        suite.restartService("accounts-service");

        assertThat(api.get("/accounts/").body()).contains("\"" + account + "\"");
        assertThat(api.get("/accounts/" + account + "/credentials").body()).isEqualTo("[\"sim_perpetual\"]");
    }

    @Test
    void aDifferentConfigPasswordIsRefusedAtStartUp() {
        var extra = suite.launchExtra("accounts-service", RunningSuite.freePort(),
                Map.of("CONFIG_PASSWORD", "not-the-vault-password"));
        try {
            Integer exitCode = extra.waitForExit(Duration.ofSeconds(90));
            assertThat(exitCode).as("accounts-service must stop, output:%n%s", extra.output()).isNotNull().isNotZero();
            assertThat(extra.output()).contains("CONFIG_PASSWORD does not match the password this credential vault was created with");
            assertThat(extra.output()).doesNotContain("not-the-vault-password");
        } finally {
            extra.stop();
        }
    }
}
