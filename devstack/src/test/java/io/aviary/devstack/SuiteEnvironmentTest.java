package io.aviary.devstack;

import static org.assertj.core.api.Assertions.assertThat;

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
    void onlyTheOwnerAndTheConsumerOfTheCredentialApiGetItsSecret() {
        Suite suite = suite(Map.of());
        String token = suite.environmentFor(ServiceSpec.require("accounts-service"), 9999, Map.of())
                .get("AVIARY_CREDENTIALS_TOKEN");
        assertThat(token).hasSizeGreaterThanOrEqualTo(40);
        for (ServiceSpec spec : ServiceSpec.ALL) {
            Map<String, String> env = suite.environmentFor(spec, 9999, Map.of());
            boolean holder = spec.module().equals("accounts-service") || spec.module().equals("trading-service");
            assertThat(env.get("AVIARY_CREDENTIALS_TOKEN")).as(spec.module()).isEqualTo(holder ? token : null);
            assertThat(env.get("AVIARY_INTERNAL_TOKEN")).as(spec.module()).isNotEqualTo(token);
        }
    }
}
