package io.aviary.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every child JVM is told about where to listen: nothing but the gateway may leave loopback. */
class SuiteEnvironmentTest {

    @TempDir
    Path repo;

    /** External infrastructure, so nothing embedded is even prepared; a SERVER_ADDRESS inherited from the shell. */
    private Suite suite(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("DATABASE_URL", "postgresql://u:p@127.0.0.1:5432/aviary",
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092", "BROKER_HOST", "127.0.0.1", "SERVER_ADDRESS", "0.0.0.0"));
        env.putAll(extra);
        return new Suite(SuiteConfig.builder(repo).baseEnvironment(env).readDotEnv(false).build());
    }

    @Test
    void everyServiceListensOnLoopbackAndTheGatewayLearnsWhichCredentialsAreDevelopmentDefaults() {
        Suite suite = suite(Map.of());
        for (ServiceSpec spec : ServiceSpec.ALL) {
            assertThat(suite.environmentFor(spec, 9999, Map.of())).as(spec.module())
                    .containsEntry("SERVER_ADDRESS", "127.0.0.1");
        }
        assertThat(suite.environmentFor(ServiceSpec.require("gateway"), 9999, Map.of()))
                .containsEntry("AVIARY_DEV_DEFAULTS", "USERNAME,PASSWORD,CONFIG_PASSWORD");
    }

    @Test
    void theGatewayIsToldEveryReplicaAndEachReplicaItsOwnInstanceId() {
        Map<String, String> env = new HashMap<>(Map.of("DATABASE_URL", "postgresql://u:p@127.0.0.1:5432/aviary",
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092", "BROKER_HOST", "127.0.0.1"));
        SuiteConfig config = SuiteConfig.builder(repo).baseEnvironment(env).readDotEnv(false)
                .replicas("trading-service", 2).build();
        Suite suite = new Suite(config);
        int second = config.replicaPorts("trading-service").getFirst();

        assertThat(suite.environmentFor(ServiceSpec.require("gateway"), 8000, Map.of()))
                .containsEntry("AVIARY_TRADING_URL", "http://127.0.0.1:8102,http://127.0.0.1:" + second)
                .containsEntry("AVIARY_ACCOUNTS_URL", "http://127.0.0.1:8101");
        assertThat(suite.environmentFor(ServiceSpec.require("accounts-service"), 8101, Map.of()))
                .containsEntry("AVIARY_TRADING_URL", "http://127.0.0.1:8102")
                .doesNotContainKey("AVIARY_INSTANCE_ID");
        assertThat(suite.environmentFor(ServiceSpec.require("trading-service"), 8102, Map.of()))
                .containsEntry("AVIARY_INSTANCE_ID", "trading-service-1");
    }

    @Test
    void onlyTheGatewayFollowsAnExplicitBindAddress() {
        Suite suite = suite(Map.of("AVIARY_GATEWAY_BIND_ADDRESS", "0.0.0.0", "USERNAME", "desk", "PASSWORD", "s3cret"));
        for (ServiceSpec spec : ServiceSpec.ALL) {
            assertThat(suite.environmentFor(spec, 9999, Map.of())).as(spec.module())
                    .containsEntry("SERVER_ADDRESS", spec.isGateway() ? "0.0.0.0" : "127.0.0.1");
        }
        assertThat(suite.environmentFor(ServiceSpec.require("gateway"), 9999, Map.of()))
                .containsEntry("AVIARY_DEV_DEFAULTS", "CONFIG_PASSWORD");
    }

    @Test
    void onlyTheOwnerAndTheConsumersOfTheCredentialApiGetItsSecret() {
        Suite suite = suite(Map.of());
        String token = suite.environmentFor(ServiceSpec.require("accounts-service"), 9999, Map.of())
                .get("AVIARY_CREDENTIALS_TOKEN");
        assertThat(token).hasSizeGreaterThanOrEqualTo(40);
        for (ServiceSpec spec : ServiceSpec.ALL) {
            Map<String, String> env = suite.environmentFor(spec, 9999, Map.of());
            boolean holder = spec.module().equals("accounts-service") || spec.module().equals("trading-service")
                    || spec.module().equals("orchestration-service");
            assertThat(env.get("AVIARY_CREDENTIALS_TOKEN")).as(spec.module()).isEqualTo(holder ? token : null);
            assertThat(env.get("AVIARY_INTERNAL_TOKEN")).as(spec.module()).isNotEqualTo(token);
        }
    }

    /**
     * The launcher reads .env and hands each child only the secrets it owns; the child must not read .env again
     * (it runs in the same working directory), or sim-exchange would hold the vault key and the gateway login.
     */
    @Test
    void aChildGetsOnlyItsOwnSecretsAndIsToldNotToReadTheDotEnvAgain() throws Exception {
        Files.writeString(repo.resolve(".env"), "CONFIG_PASSWORD=vault-key\nUSERNAME=desk\nPASSWORD=s3cret\n");
        Map<String, String> env = Map.of("DATABASE_URL", "postgresql://u:p@127.0.0.1:5432/aviary",
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092", "BROKER_HOST", "127.0.0.1");
        Suite suite = new Suite(SuiteConfig.builder(repo).baseEnvironment(env).build());

        Map<String, String> simExchange = suite.environmentFor(ServiceSpec.require("sim-exchange"), 9999, Map.of());
        assertThat(simExchange).doesNotContainKeys("CONFIG_PASSWORD", "USERNAME", "PASSWORD")
                .containsEntry("AVIARY_DOTENV", "off");
        assertThat(suite.environmentFor(ServiceSpec.require("accounts-service"), 9999, Map.of()))
                .containsEntry("CONFIG_PASSWORD", "vault-key").doesNotContainKeys("USERNAME", "PASSWORD")
                .containsEntry("AVIARY_DOTENV", "off");
        assertThat(suite.environmentFor(ServiceSpec.require("gateway"), 9999, Map.of()))
                .containsEntry("PASSWORD", "s3cret").doesNotContainKey("CONFIG_PASSWORD");
    }

    /** Bot instance folders live in the suite's data dir unless the operator chose BOTS_PATH. */
    @Test
    void orchestrationFindsBotInstancesInTheDataDirUnlessBotsPathIsSet() {
        Path data = repo.resolve("data");
        Suite suite = new Suite(SuiteConfig.builder(repo).baseEnvironment(Map.of()).readDotEnv(false).dataDir(data).build());
        assertThat(suite.environmentFor(ServiceSpec.require("orchestration-service"), 9999, Map.of()))
                .containsEntry("BOTS_PATH", data.toString());
        Suite chosen = new Suite(SuiteConfig.builder(repo).baseEnvironment(Map.of("BOTS_PATH", "/srv/bots"))
                .readDotEnv(false).dataDir(data).build());
        assertThat(chosen.environmentFor(ServiceSpec.require("orchestration-service"), 9999, Map.of()))
                .containsEntry("BOTS_PATH", "/srv/bots");
    }

    /** With the embedded PostgreSQL each service logs in as its own role; a service without a schema gets no database. */
    @Test
    void eachServiceLogsInToTheEmbeddedDatabaseAsItsOwnRole() {
        Suite suite = new Suite(SuiteConfig.builder(repo).baseEnvironment(Map.of()).readDotEnv(false)
                .dataDir(repo.resolve("data")).postgresPort(15432).build());
        String accountsPassword = suite.infrastructure().postgres().password("aviary_accounts");
        assertThat(suite.environmentFor(ServiceSpec.require("accounts-service"), 9999, Map.of()))
                .containsEntry("DATABASE_URL", "postgresql://aviary_accounts:" + accountsPassword + "@127.0.0.1:15432/aviary");
        assertThat(suite.environmentFor(ServiceSpec.require("market-data-service"), 9999, Map.of()).get("DATABASE_URL"))
                .startsWith("postgresql://aviary_market_data:").doesNotContain(accountsPassword);
        assertThat(suite.environmentFor(ServiceSpec.require("sim-exchange"), 9999, Map.of())).doesNotContainKey("DATABASE_URL");
        assertThat(suite.environmentFor(ServiceSpec.require("gateway"), 9999, Map.of())).doesNotContainKey("DATABASE_URL");
    }
}
