package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.devstack.RunningSuite;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The /accounts contract end to end: client → gateway (Basic auth) → accounts-service → PostgreSQL. */
class AccountsThroughGatewayTest {

    private static RunningSuite suite;
    private static Http api;

    @BeforeAll
    static void startSuite() {
        suite = RunningSuite.get();
        api = Http.to(suite.gatewayUrl()).basicAuth(suite.username(), suite.password());
    }

    private static String uniqueAccount() {
        return "acct_" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void masterAccountExistsAndAnonymousCallersAreRefused() {
        assertThat(api.get("/accounts/").body()).contains("\"master_account\"");
        Http.Response anonymous = Http.to(suite.gatewayUrl()).get("/accounts/");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).isEqualTo("{\"detail\":\"Not authenticated\"}");
        assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Basic");
        assertThat(Http.to(suite.gatewayUrl()).basicAuth(suite.username(), "wrong").get("/accounts/").status())
                .isEqualTo(401);
    }

    @Test
    void accountAndCredentialLifecycle() {
        String account = uniqueAccount();
        Http.Response created = api.post("/accounts/add-account?account_name=" + account);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body()).isEqualTo("{\"message\":\"Account added successfully.\"}");
        assertThat(api.get("/accounts/").body()).contains("\"" + account + "\"");
        assertThat(api.get("/accounts/" + account + "/credentials").body()).isEqualTo("[]");

        Http.Response added = api.postJson("/accounts/add-credential/" + account + "/sim",
                SimKeys.credentialJson(SimKeys.create(suite), "sim"));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.body()).isEqualTo("{\"message\":\"Connector credentials added successfully.\"}");
        assertThat(api.get("/accounts/" + account + "/credentials").body()).isEqualTo("[\"sim\"]");

        Http.Response removed = api.post("/accounts/delete-credential/" + account + "/sim");
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.body()).isEqualTo("{\"message\":\"Credential deleted successfully.\"}");
        assertThat(api.get("/accounts/" + account + "/credentials").body()).isEqualTo("[]");

        Http.Response deleted = api.post("/accounts/delete-account?account_name=" + account);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("{\"message\":\"Account deleted successfully.\"}");
        assertThat(api.get("/accounts/").body()).doesNotContain("\"" + account + "\"");
    }

    @Test
    void badInputGetsTheCatalogStatusAndWritesNothing() throws Exception {
        String account = uniqueAccount();
        assertThat(api.post("/accounts/add-account").status()).isEqualTo(422);
        assertThat(api.post("/accounts/add-account").body()).contains("\"loc\":[\"query\",\"account_name\"]");
        assertThat(api.post("/accounts/add-account?account_name=" + account).status()).isEqualTo(201);
        assertThat(api.post("/accounts/add-account?account_name=" + account))
                .satisfies(r -> assertThat(r.status()).isEqualTo(400))
                .satisfies(r -> assertThat(r.body()).isEqualTo("{\"detail\":\"Account already exists.\"}"));
        assertThat(api.post("/accounts/add-account?account_name=bad%2Fname").status()).isEqualTo(400);
        assertThat(api.post("/accounts/delete-account?account_name=master_account").body())
                .isEqualTo("{\"detail\":\"Cannot delete master account.\"}");
        assertThat(api.post("/accounts/delete-account?account_name=nobody_" + account).status()).isEqualTo(404);
        assertThat(api.get("/accounts/nobody_" + account + "/credentials").status()).isEqualTo(404);
        assertThat(api.post("/accounts/delete-credential/" + account + "/sim").status()).isEqualTo(404);

        String base = "/accounts/add-credential/" + account;
        Http.Response unknownConnector = api.postJson(base + "/not_a_venue", "{\"a\":\"b\"}");
        assertThat(unknownConnector.status()).isEqualTo(400);
        assertThat(unknownConnector.body()).contains("Unknown connector 'not_a_venue'");
        Http.Response missingField = api.postJson(base + "/sim", "{\"sim_api_key\":\"k\"}");
        assertThat(missingField.status()).isEqualTo(400);
        assertThat(missingField.body()).contains("missing fields [sim_api_secret]");
        assertThat(api.postJson(base + "/sim", "{not json").status()).isEqualTo(422);
        assertThat(api.postJson(base + "/sim", "[\"a\"]").status()).isEqualTo(422);
        assertThat(api.post(base + "/sim", "sim_api_key=k", "text/plain").status()).isEqualTo(422);
        assertThat(api.postJson(base + "/sim", "{\"sim_api_key\":\"" + "x".repeat(70_000) + "\",\"sim_api_secret\":\"s\"}")
                .status()).isEqualTo(413);
        assertThat(api.postJson("/accounts/add-credential/nobody_" + account + "/sim",
                "{\"sim_api_key\":\"k\",\"sim_api_secret\":\"s\"}").status()).isEqualTo(404);

        assertThat(api.get("/accounts/" + account + "/credentials").body()).isEqualTo("[]");
        assertThat(countRows("SELECT count(*) FROM accounts.credential_field WHERE account_name = '" + account + "'"))
                .isZero();
        assertThat(countRows("SELECT count(*) FROM accounts.account WHERE name LIKE 'nobody_%' OR name = 'bad/name'"))
                .isZero();
    }

    @Test
    void aCredentialTheVenueRefusesIsA400AndNothingIsStored() throws Exception {
        String account = uniqueAccount();
        api.post("/accounts/add-account?account_name=" + account);
        var key = SimKeys.create(suite);
        Http.Response refused = api.postJson("/accounts/add-credential/" + account + "/sim",
                "{\"sim_api_key\":\"" + key.apiKey() + "\",\"sim_api_secret\":\"not-the-secret\"}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.body()).contains("The venue refused these credentials").doesNotContain("not-the-secret");
        assertThat(api.get("/accounts/" + account + "/credentials").body()).isEqualTo("[]");
        assertThat(countRows("SELECT count(*) FROM accounts.credential_field WHERE account_name = '" + account + "'")).isZero();
    }

    @Test
    void servicesRefuseCallsThatBypassTheGateway() {
        Http.Response direct = Http.to(suite.serviceUrl("accounts-service")).get("/accounts/");
        assertThat(direct.status()).isEqualTo(401);
        assertThat(direct.body()).contains("routed through the Aviary gateway");
        Http.Response forged = Http.to(suite.serviceUrl("accounts-service"))
                .header("X-Aviary-Internal-Token", "guess").get("/accounts/");
        assertThat(forged.status()).isEqualTo(401);
    }

    @Test
    void requestIdTravelsFromGatewayToServiceLog() throws Exception {
        String requestId = "sys-test-" + UUID.randomUUID();
        String account = uniqueAccount();
        Http.Response response = api.header("X-Request-Id", requestId).post("/accounts/add-account?account_name=" + account);
        assertThat(response.header("X-Request-Id")).isEqualTo(requestId);
        // Both the gateway's access line and the service's audit line carry it.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> suite.serviceLog("accounts-service").contains(requestId)
                        && suite.serviceLog("gateway").contains(requestId));
    }

    /** A count from the suite's database; usable from any test class (it asks for the running suite itself). */
    static long countRows(String sql) throws Exception {
        RunningSuite running = RunningSuite.get();
        try (Connection c = DriverManager.getConnection(running.jdbcUrl(), running.jdbcUser(), running.jdbcPassword());
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
