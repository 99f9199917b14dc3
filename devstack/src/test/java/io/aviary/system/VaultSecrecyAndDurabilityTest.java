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
 * service, an event on any topic, or in plaintext in any table of PostgreSQL. The vault survives a restart and
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

        // Every row of every table of every schema, read as text: the outboxes' envelopes and last_error,
        // dead letters, inboxes, sealed values. The account name is in the outbox, so the scan can find things.
        List<String> tables = databaseTables();
        assertThat(tables).as("tables scanned").contains("accounts.event_outbox", "accounts.credential_field");
        assertThat(tablesContaining(tables, account)).as("tables holding the (non-secret) account name")
                .contains("accounts.event_outbox");
        for (String planted : List.of(plantedKey, plantedSecret)) {
            assertThat(tablesContaining(tables, planted)).as("tables holding a planted credential in plaintext").isEmpty();
            assertThat(outboxErrors()).as("the outboxes' last_error").noneMatch(error -> error.contains(planted));
        }
    }

    /** Every base table of the suite's database outside PostgreSQL's own schemas, as schema.table. */
    private static List<String> databaseTables() throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(suite.jdbcUrl(), suite.jdbcUser(), suite.jdbcPassword());
                ResultSet rs = c.createStatement().executeQuery("SELECT table_schema, table_name FROM information_schema.tables"
                        + " WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')"
                        + " ORDER BY 1, 2")) {
            while (rs.next()) {
                tables.add(rs.getString(1) + "." + rs.getString(2));
            }
        }
        return tables;
    }

    /** The tables with a row whose text form (all columns) contains {@code text}. */
    private static List<String> tablesContaining(List<String> tables, String text) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(suite.jdbcUrl(), suite.jdbcUser(), suite.jdbcPassword())) {
            for (String table : tables) {
                String[] name = table.split("\\.", 2);
                try (var query = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM " + quoted(name[0]) + "." + quoted(name[1])
                        + " t WHERE strpos(t::text, ?) > 0)")) {
                    query.setString(1, text);
                    try (ResultSet rs = query.executeQuery()) {
                        rs.next();
                        if (rs.getBoolean(1)) {
                            found.add(table);
                        }
                    }
                }
            }
        }
        return found;
    }

    /** last_error of every outbox row of every service that has an outbox. */
    private static List<String> outboxErrors() throws Exception {
        List<String> errors = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(suite.jdbcUrl(), suite.jdbcUser(), suite.jdbcPassword())) {
            for (String table : databaseTables()) {
                if (table.endsWith(".event_outbox")) {
                    String[] name = table.split("\\.", 2);
                    try (ResultSet rs = c.createStatement().executeQuery("SELECT last_error FROM " + quoted(name[0]) + "."
                            + quoted(name[1]) + " WHERE last_error IS NOT NULL")) {
                        while (rs.next()) {
                            errors.add(rs.getString(1));
                        }
                    }
                }
            }
        }
        return errors;
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
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
