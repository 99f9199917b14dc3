package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.connectors.sim.SimApiKeys;
import io.aviary.devstack.RunningSuite;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The internal credentials API trading-service uses: invisible through the gateway, refused
 * without the internal token and with the internal token alone, plaintext with it and the credentials token,
 * and audited by name only.
 */
class InternalCredentialsThroughGatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static RunningSuite suite;
    private static Http api;
    private static Http service;

    @BeforeAll
    static void startSuite() {
        suite = RunningSuite.get();
        api = Http.to(suite.gatewayUrl()).basicAuth(suite.username(), suite.password());
        service = Http.to(suite.serviceUrl("accounts-service"));
    }

    /** What trading-service sends: the internal token and the credential API's own secret. */
    private static Http credentialReader() {
        return service.header("X-Aviary-Internal-Token", suite.internalToken())
                .header("X-Aviary-Credentials-Token", suite.credentialsToken());
    }

    private static String newAccount() {
        String account = "cred_" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/accounts/add-account?account_name=" + account).status()).isEqualTo(201);
        return account;
    }

    @Test
    void onlyTheInternalCallerWithTheTokenReadsTheValues() throws Exception {
        String account = newAccount();
        SimApiKeys.Created key = SimKeys.create(suite);
        assertThat(api.postJson("/accounts/add-credential/" + account + "/sim", SimKeys.credentialJson(key, "sim")).status())
                .isEqualTo(201);
        String path = "/internal/credentials/" + account + "/sim";

        Http.Response throughGateway = api.get(path);
        assertThat(throughGateway.status()).isEqualTo(404);
        assertThat(throughGateway.body()).doesNotContain(key.apiSecret());
        assertThat(api.get("/internal/credentials").status()).isEqualTo(404);

        Http.Response noToken = service.get(path);
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.body()).doesNotContain(key.apiSecret());
        assertThat(service.header("X-Aviary-Internal-Token", "guess").get(path).status()).isEqualTo(401);

        assertThat(service.header("X-Aviary-Internal-Token", suite.internalToken()).get(path).status())
                .as("the gateway's token alone").isEqualTo(403);
        Http internal = credentialReader().header("X-Aviary-Caller", "system-test");
        Http.Response read = internal.get(path);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.header("Cache-Control")).contains("no-store");
        JsonNode body = JSON.readTree(read.body());
        assertThat(body.get("account_name").asString()).isEqualTo(account);
        assertThat(body.get("connector_name").asString()).isEqualTo("sim");
        assertThat(body.get("fields").get("sim_api_key").asString()).isEqualTo(key.apiKey());
        assertThat(body.get("fields").get("sim_api_secret").asString()).isEqualTo(key.apiSecret());
        assertThat(body.get("fields").propertyNames()).hasSize(2);

        Http.Response list = internal.get("/internal/credentials");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("Cache-Control")).contains("no-store");
        assertThat(list.body()).contains("{\"account_name\":\"" + account + "\",\"connector_name\":\"sim\"}")
                .doesNotContain(key.apiSecret()).doesNotContain(key.apiKey());

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> suite
                .serviceLog("accounts-service").contains("Credential read: account=" + account + " connector=sim"));
        String log = suite.serviceLog("accounts-service");
        assertThat(log).contains("caller=system-test").doesNotContain(key.apiSecret());
    }

    @Test
    void missingAccountsAndCredentialsAre404() throws Exception {
        Http internal = credentialReader();
        String account = newAccount();
        Http.Response noCredential = internal.get("/internal/credentials/" + account + "/sim");
        assertThat(noCredential.status()).isEqualTo(404);
        assertThat(JSON.readTree(noCredential.body()).get("detail").asString())
                .isEqualTo("Account '" + account + "' has no credential for connector 'sim'");
        Http.Response noAccount = internal.get("/internal/credentials/nobody_" + account + "/sim");
        assertThat(noAccount.status()).isEqualTo(404);
        assertThat(noAccount.body()).contains("Account 'nobody_" + account + "' not found");
        assertThat(internal.get("/internal/credentials").body()).doesNotContain("\"" + account + "\"");
    }

    /**
     * Paper-trading connectors have no config fields: the public endpoint stores them from {}
     * and the internal API gives them back with empty fields. Every build lists paper connectors
     * (StandardConnectors), so a catalog without a fieldless connector is a failure, not a skip.
     */
    @Test
    void aCredentialWithoutFieldsIsAddedAndReadBack() throws Exception {
        Optional<String> fieldless = fieldlessConnector();
        assertThat(fieldless).as("a connector without config fields (the paper connectors) in the catalog").isPresent();
        String account = newAccount();
        String connector = fieldless.get();
        Http.Response added = api.postJson("/accounts/add-credential/" + account + "/" + connector, "{}");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(api.get("/accounts/" + account + "/credentials").body()).isEqualTo("[\"" + connector + "\"]");
        Http.Response read = credentialReader().get("/internal/credentials/" + account + "/" + connector);
        assertThat(read.status()).isEqualTo(200);
        assertThat(JSON.readTree(read.body()).get("fields").isEmpty()).isTrue();
    }

    private static Optional<String> fieldlessConnector() throws Exception {
        List<String> connectors = JSON.readValue(api.get("/connectors/").body(),
                JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        for (String connector : connectors) {
            if (api.get("/connectors/" + connector + "/config-map").body().equals("[]")) {
                return Optional.of(connector);
            }
        }
        return Optional.empty();
    }
}
