package io.aviary.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfrastructureTest {

    @TempDir
    Path repo;

    @Test
    void externalInfrastructureFromTheEnvironmentReplacesTheEmbeddedParts() {
        SuiteConfig config = SuiteConfig.builder(repo).readDotEnv(false).baseEnvironment(Map.of(
                "DATABASE_URL", "postgresql://svc:s3cret@db.internal:5433/aviary",
                "KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092",
                "BROKER_HOST", "emqx.internal")).build();
        Infrastructure infra = new Infrastructure(config);
        assertThat(infra.postgres()).isNull();
        assertThat(infra.kafka()).isNull();
        assertThat(infra.mqtt()).isNull();
        assertThat(infra.embeddedPorts()).isEmpty();
        assertThat(infra.serviceEnvironment()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "DATABASE_URL", "postgresql://svc:s3cret@db.internal:5433/aviary",
                "KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092",
                "BROKER_HOST", "emqx.internal",
                "BROKER_PORT", "1883"));
        assertThat(infra.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5433/aviary");
        assertThat(infra.databaseUser()).isEqualTo("svc");
        assertThat(String.join("\n", infra.describe())).contains("svc:***@db.internal").doesNotContain("s3cret");
    }

    @Test
    void embeddedByDefaultOnTheConfiguredPorts() {
        SuiteConfig config = SuiteConfig.builder(repo).readDotEnv(false).baseEnvironment(Map.of())
                .postgresPort(15432).kafkaPorts(19092, 19093).mqttPort(11883).build();
        Infrastructure infra = new Infrastructure(config);
        assertThat(infra.embeddedPorts()).containsExactlyEntriesOf(new java.util.LinkedHashMap<>(Map.of()) {
            {
                put("PostgreSQL", 15432);
                put("Kafka", 19092);
                put("Kafka controller", 19093);
                put("MQTT", 11883);
            }
        });
        String password = infra.postgres().password(EmbeddedPostgresServer.USER);
        assertThat(password).hasSizeGreaterThan(30).isEqualTo(infra.databasePassword());
        assertThat(infra.serviceEnvironment()).containsEntry("DATABASE_URL", "postgresql://aviary:" + password + "@127.0.0.1:15432/aviary")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092")
                .containsEntry("BROKER_HOST", "127.0.0.1")
                .containsEntry("BROKER_PORT", "11883");
    }
}
