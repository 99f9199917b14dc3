package io.aviary.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteConfigTest {

    @TempDir
    Path repo;

    @Test
    void devDefaultsFillOnlyWhatIsUnsetAndTheProcessEnvironmentWinsOverDotEnv() throws Exception {
        Files.writeString(repo.resolve(".env"), """
                # comment
                export USERNAME=from-dotenv
                PASSWORD="quoted secret"
                AVIARY_JVM_OPTS=-Xmx200m -XX:+UseSerialGC
                """);
        SuiteConfig config = SuiteConfig.builder(repo)
                .baseEnvironment(Map.of("USERNAME", "from-env", "PATH", "/usr/bin"))
                .build();
        assertThat(config.env("USERNAME")).isEqualTo("from-env");
        assertThat(config.env("PASSWORD")).isEqualTo("quoted secret");
        assertThat(config.env("CONFIG_PASSWORD")).isEqualTo("a");
        assertThat(config.devDefaultsUsed()).containsExactly("CONFIG_PASSWORD");
        assertThat(config.jvmOptions()).containsExactly("-Xmx200m", "-XX:+UseSerialGC");
        assertThat(config.dataDir()).isEqualTo(repo.toAbsolutePath().normalize().resolve("data"));
    }

    @Test
    void oneServiceGetsItsOwnJvmFlagsAfterTheCommonOnes() {
        SuiteConfig config = SuiteConfig.builder(repo).readDotEnv(false)
                .baseEnvironment(Map.of("AVIARY_JVM_OPTS", "-XX:TieredStopAtLevel=1 -Xmx384m",
                        "AVIARY_TRADING_SERVICE_JVM_OPTS", "-XX:TieredStopAtLevel=4"))
                .build();
        assertThat(config.jvmOptions("trading-service"))
                .containsExactly("-XX:TieredStopAtLevel=1", "-Xmx384m", "-XX:TieredStopAtLevel=4");
        assertThat(config.jvmOptions("gateway")).containsExactly("-XX:TieredStopAtLevel=1", "-Xmx384m");
    }

    @Test
    void theInternalTokenIsGeneratedOncePerDataDirAndKeptPrivate() throws Exception {
        SuiteConfig first = SuiteConfig.builder(repo).baseEnvironment(Map.of()).readDotEnv(false).build();
        SuiteConfig second = SuiteConfig.builder(repo).baseEnvironment(Map.of()).readDotEnv(false).build();
        Path file = repo.resolve("data").resolve("internal-token");
        assertThat(first.internalToken()).hasSizeGreaterThanOrEqualTo(40).isEqualTo(second.internalToken());
        assertThat(Files.readString(file).strip()).isEqualTo(first.internalToken());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        SuiteConfig given = SuiteConfig.builder(repo).baseEnvironment(Map.of("AVIARY_INTERNAL_TOKEN", "mine")).build();
        assertThat(given.internalToken()).isEqualTo("mine");
    }

    @Test
    void theCredentialsTokenIsASecondSecretKeptLikeTheInternalOne() throws Exception {
        SuiteConfig first = SuiteConfig.builder(repo).baseEnvironment(Map.of()).readDotEnv(false).build();
        SuiteConfig second = SuiteConfig.builder(repo).baseEnvironment(Map.of()).readDotEnv(false).build();
        Path file = repo.resolve("data").resolve("credentials-token");
        assertThat(first.credentialsToken()).hasSizeGreaterThanOrEqualTo(40).isEqualTo(second.credentialsToken())
                .isNotEqualTo(first.internalToken());
        assertThat(Files.readString(file).strip()).isEqualTo(first.credentialsToken());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void servicesGetOnlyTheirOwnSecrets() {
        assertThat(ServiceSpec.require("gateway").secrets()).containsExactlyInAnyOrder("USERNAME", "PASSWORD");
        assertThat(ServiceSpec.require("accounts-service").secrets())
                .containsExactlyInAnyOrder("CONFIG_PASSWORD", "AVIARY_CREDENTIALS_TOKEN");
        assertThat(ServiceSpec.require("trading-service").secrets()).containsExactly("AVIARY_CREDENTIALS_TOKEN");
        assertThat(ServiceSpec.require("archive-service").secrets()).containsExactlyInAnyOrder("AWS_API_KEY",
                "AWS_SECRET_KEY");
        assertThat(ServiceSpec.require("market-data-service").secrets()).isEmpty();
        assertThat(ServiceSpec.allSecrets(ServiceSpec.ALL)).contains("USERNAME", "PASSWORD", "CONFIG_PASSWORD");
        assertThat(ServiceSpec.ALL).extracting(ServiceSpec::module).doesNotHaveDuplicates();
        assertThat(ServiceSpec.ALL).extracting(ServiceSpec::defaultPort).doesNotHaveDuplicates();
        assertThatThrownBy(() -> ServiceSpec.require("nope")).hasMessageContaining("unknown service 'nope'; known: gateway, ").hasMessageContaining("accounts-service").hasMessageContaining("sim-exchange");
    }

    @Test
    void theSteadyProfileIsFullTieredWithAnAotCacheAndTheExplicitSettingsWin() {
        Launcher.Options steady = Launcher.Options.parse(new String[] {"--profile", "steady"});
        SuiteConfig config = Launcher.configure(steady, repo, Map.of());
        assertThat(config.jvmOptions()).containsExactly("-Xss512k", "-XX:+UseSerialGC", "-Xmx384m");
        assertThat(config.cdsMode()).isEqualTo(CdsMode.AOT);

        SuiteConfig fromEnv = Launcher.configure(Launcher.Options.parse(new String[0]), repo, Map.of("AVIARY_PROFILE", "steady",
                "AVIARY_CDS", "dynamic", "AVIARY_JVM_OPTS", "-Xmx200m"));
        assertThat(fromEnv.cdsMode()).isEqualTo(CdsMode.DYNAMIC);
        assertThat(fromEnv.jvmOptions()).containsExactly("-Xmx200m");

        SuiteConfig byDefault = Launcher.configure(Launcher.Options.parse(new String[0]), repo, Map.of());
        assertThat(byDefault.jvmOptions()).isEqualTo(SuiteConfig.DEFAULT_JVM_OPTIONS).contains("-XX:TieredStopAtLevel=1");
        assertThat(byDefault.cdsMode()).isEqualTo(CdsMode.AUTO);
        assertThatThrownBy(() -> Launcher.Options.parse(new String[] {"--profile", "fast"}))
                .hasMessageContaining("start or steady");
    }

    @Test
    void launcherOptionsAndEnvironmentMakeTheConfiguration() {
        Launcher.Options options = Launcher.Options.parse(new String[] {"--only", "gateway,accounts-service",
                "--timeout=90", "--cds", "dynamic", "--data-dir", repo.resolve("d").toString(), "--no-build"});
        SuiteConfig config = Launcher.configure(options, repo, Map.of("AVIARY_KAFKA_PORT", "19092", "AVIARY_MQTT_PORT", "11883"));
        assertThat(config.services()).extracting(ServiceSpec::module).containsExactly("gateway", "accounts-service");
        assertThat(config.startTimeout()).hasSeconds(90);
        assertThat(config.cdsMode()).isEqualTo(CdsMode.DYNAMIC);
        assertThat(config.kafkaPort()).isEqualTo(19092);
        assertThat(config.kafkaControllerPort()).isEqualTo(9093);
        assertThat(config.mqttPort()).isEqualTo(11883);
        assertThat(config.postgresPort()).isEqualTo(5432);
        assertThat(config.port("gateway")).isEqualTo(8000);
        assertThat(config.dataDir()).isEqualTo(repo.resolve("d"));
        assertThatThrownBy(() -> Launcher.Options.parse(new String[] {"--bogus"})).hasMessageContaining("Unknown option: --bogus");
        assertThatThrownBy(() -> Launcher.Options.parse(new String[] {"--only", "nope"})).hasMessageContaining("unknown service");
        assertThat(CdsMode.parse("false")).isEqualTo(CdsMode.OFF);
        assertThat(List.of(Launcher.usage().split("\n"))).anyMatch(l -> l.contains("gateway 8000"));
    }

    @Test
    void anExternalDatabaseUrlIsParsedForTests() {
        Infrastructure.Db db = Infrastructure.Db.parse("postgresql+asyncpg://u%40x:p%3Aw@db.example:6543/aviary?sslmode=disable");
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/aviary?sslmode=disable");
        assertThat(db.user()).isEqualTo("u@x");
        assertThat(db.password()).isEqualTo("p:w");
    }
}
