package io.aviary.orchestration.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aviary.connectors.hummingbot.HummingbotFiles;
import io.aviary.connectors.hummingbot.HummingbotSecrets;
import io.aviary.kit.events.EventOutbox;
import io.aviary.kit.failure.Conflict;
import io.aviary.kit.failure.OwnedElsewhere;
import io.aviary.kit.ownership.Leases;
import io.aviary.kit.s3.LocalS3Server;
import io.aviary.orchestration.deploy.BotDeployments;
import io.aviary.orchestration.deploy.BotRuns;
import io.aviary.orchestration.deploy.BotsFolders;
import io.aviary.orchestration.deploy.StopAndArchiveJobs;
import io.aviary.orchestration.deploy.StopArchiveJobRows;
import io.aviary.orchestration.infra.S3BotArchive;
import io.aviary.kit.web.CredentialsToken;
import io.aviary.orchestration.domain.BotControl;
import io.aviary.orchestration.deploy.BotSupervisor;
import io.aviary.orchestration.domain.BotRuntimeDriver;
import io.aviary.orchestration.domain.BotRuntimeDriver.RuntimeState;
import io.aviary.orchestration.runtime.LocalProcessRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Deploy, stop-and-archive and bot runs over HTTP (api-catalog §1.6 #7–#9, §2.3, §6): credentials from a stand-in
 * accounts-service credential API (HTTP, the real client), configs and runs in the real PostgreSQL, the real
 * local-process runtime running {@code sh}/{@code sleep} for the bot jar, and a recording {@link BotControl} until
 * the MQTT bridge exists.
 */
@Import(BotDeploymentApiTest.Runtime.class)
class BotDeploymentApiTest extends OrchestrationHttpTestBase {

    static final String CONFIG_PASSWORD = "deploy-test-password";
    static final String CREDENTIALS_TOKEN = "credentials-test-token-0123456789abcdef0123456789";
    private static final Map<String, String> SIM_CREDENTIALS = Map.of("sim_api_key", "key-123",
            "sim_api_secret", "secret-456");
    private static final HttpServer ACCOUNTS = accountsService();
    private static final AtomicInteger NAMES = new AtomicInteger();
    /** A real S3-compatible server (s3proxy on a filesystem blobstore) with one bucket for the S3 archives. */
    private static final LocalS3Server S3 = LocalS3Server.start();
    private static final String BUCKET = "bot-archives";

    static {
        S3.createBucket(BUCKET);
    }

    private static final String PMM = """
            {"controller_name": "pmm_simple", "controller_type": "market_making", "connector_name": "sim",
             "trading_pair": "BTC-USDT", "total_amount_quote": 100, "buy_spreads": [0.01], "sell_spreads": [0.01]}""";
    private static final String PMM_OTHER_VENUE = """
            {"controller_name": "pmm_simple", "controller_type": "market_making", "connector_name": "sim_perpetual",
             "trading_pair": "BTC-USDT", "total_amount_quote": 100, "buy_spreads": [0.01], "sell_spreads": [0.01]}""";

    @DynamicPropertySource
    static void deployment(DynamicPropertyRegistry registry) {
        registry.add("AVIARY_ACCOUNTS_URL", () -> "http://127.0.0.1:" + ACCOUNTS.getAddress().getPort());
        registry.add(CredentialsToken.ENV, () -> CREDENTIALS_TOKEN);
        registry.add("aviary.service.internal-token", () -> "internal-test-token");
        registry.add("CONFIG_PASSWORD", () -> CONFIG_PASSWORD);
        registry.add("BROKER_HOST", () -> "127.0.0.1");
        registry.add("BROKER_PORT", () -> "18830");
        registry.add("BROKER_USERNAME", () -> "bots");
        registry.add("BROKER_PASSWORD", () -> "broker-pw");
        registry.add("aviary.bots.runtime", () -> "test");
        registry.add("aviary.bots.archive.settle", () -> "0s");
        // the supervisor's passes are driven by the tests (check()), without backoff, at most 2 restarts
        registry.add("aviary.bots.restart-check", () -> "1h");
        registry.add("aviary.bots.restart-backoff", () -> "0s");
        registry.add("aviary.bots.max-restarts", () -> "2");
        registry.add("AWS_API_KEY", () -> LocalS3Server.ACCESS_KEY);
        registry.add("AWS_SECRET_KEY", () -> LocalS3Server.SECRET_KEY);
        registry.add("S3_ENDPOINT", S3::endpoint);
        registry.add("S3_PATH_STYLE", () -> "true");
    }

    /**
     * The process runtime with a shell for the bot; instance names starting with {@code broken} cannot start.
     * Imported, not annotated: the base's component scan must not hand these beans to the other tests' context.
     */
    static class Runtime {

        @Bean
        BotRuntimeDriver testProcessRuntime(@Value("${aviary.bots.path}") String botsPath) {
            return new LocalProcessRuntime(folder -> {
                if (folder.getFileName().toString().startsWith("broken")) {
                    throw new IllegalStateException("no bot jar here");
                }
                if (folder.getFileName().toString().startsWith("crashy")) {
                    return List.of("sh", "-c", "echo SCRIPT_CONFIG=$SCRIPT_CONFIG; exit 3");
                }
                return List.of("sh", "-c", "echo SCRIPT_CONFIG=$SCRIPT_CONFIG; exec sleep 600");
            }, Duration.ofSeconds(5), Path.of(botsPath).resolve("bots").resolve("instances"));
        }

        @Bean
        @org.springframework.context.annotation.Primary // over the MQTT one the application also has
        RecordingBotControl botControl() {
            return new RecordingBotControl();
        }
    }

    /** Answers every stop with success and records it. */
    static class RecordingBotControl implements BotControl {
        final List<String> stops = new CopyOnWriteArrayList<>();
        /** Stops are confirmed once this opens (a test holds a stop-and-archive job at its first step). */
        volatile java.util.concurrent.CountDownLatch stopGate = new java.util.concurrent.CountDownLatch(0);

        @Override
        public boolean stop(String botName, boolean skipOrderCancellation, Duration timeout) {
            stops.add(botName + " skip_order_cancellation=" + skipOrderCancellation);
            try {
                return stopGate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public boolean isAlive(String botName) {
            return true;
        }
    }

    @Autowired
    BotRuntimeDriver runtime;
    @Autowired
    RecordingBotControl control;
    @Autowired
    BotSupervisor supervisor;
    @Autowired
    BotRuns runs;
    @Autowired
    BotsFolders folders;
    @Autowired
    S3BotArchive s3Archive;
    @Autowired
    ObjectProvider<BotControl> controls;
    @Autowired
    EventOutbox outbox;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    StopArchiveJobRows jobRows;
    @Autowired
    BotDeployments deployments;

    /** A second orchestration-service replica on the same database, bots folder and runtime (ADR 0030). */
    private record ReplicaB(Leases leases, StopAndArchiveJobs jobs, BotSupervisor supervisor) implements AutoCloseable {
        @Override
        public void close() {
            jobs.close();
            leases.close();
        }
    }

    private ReplicaB replicaB() {
        Leases leases = new Leases(jdbc, "replica-b", Duration.ofSeconds(15), Duration.ofSeconds(5));
        StopAndArchiveJobs jobs = new StopAndArchiveJobs(runs, folders, runtime, s3Archive, controls, outbox, tx, leases,
                jobRows, Duration.ofSeconds(30), Duration.ZERO);
        return new ReplicaB(leases, jobs, new BotSupervisor(runtime, runs, deployments, jobs, folders, leases,
                Duration.ofHours(1), Duration.ZERO, 2));
    }

    @Test
    void aStopAndArchiveRunningOnOneReplicaIsRefusedOnTheOtherWith409NamingTheJob() {
        Answer deployed = deploy(unique("twice"), "alice", "pmm_deploy");
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        String bot = deployed.json().get("unique_instance_name").asString();
        control.stopGate = new java.util.concurrent.CountDownLatch(1);
        try (ReplicaB b = replicaB()) {
            Answer started = post("/bot-orchestration/stop-and-archive-bot/" + bot, "");
            assertThat(started.status()).as(started.body()).isEqualTo(200);
            String jobUrl = started.json().get("job_url").asString();
            String jobId = jobUrl.substring(jobUrl.lastIndexOf('/') + 1);

            Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> b.jobs().start(bot, false, true, null));

            assertThat(refused).isInstanceOf(Conflict.class).hasMessageContaining(jobId)
                    .hasMessageContaining("replica-a");
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> b.jobs().job(jobId)))
                    .as("a poll on replica b is sent on to the job's replica").isInstanceOf(OwnedElsewhere.class);
            control.stopGate.countDown();
            Answer done = awaitPath(jobUrl, answer -> !answer.json().get("status").asString().equals("running"));
            assertThat(done.json().get("status").asString()).as(done.body()).isEqualTo("completed");
        } finally {
            control.stopGate.countDown();
        }
        assertThat(control.stops).filteredOn(stop -> stop.startsWith(bot + " ")).as("one job stopped the bot").hasSize(1);
        assertThat(jdbc.queryForObject("SELECT state FROM orchestration.stop_archive_job WHERE bot_name = ?",
                String.class, bot)).isEqualTo("COMPLETED");
    }

    /** Only the replica holding orchestration-supervisor restarts a killed bot; the other one's pass does nothing. */
    @Test
    void onlyTheSupervisingReplicaStartsAKilledBotAgain() throws Exception {
        supervisor.check(); // replica a supervises (as the first to pass)
        Answer deployed = deploy(unique("onesup"), "alice", "pmm_deploy");
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        String bot = deployed.json().get("unique_instance_name").asString();
        ProcessHandle first = ProcessHandle.of(((LocalProcessRuntime) runtime).pid(bot).orElseThrow()).orElseThrow();
        first.destroyForcibly();
        first.onExit().get(10, TimeUnit.SECONDS);

        try (ReplicaB b = replicaB()) {
            b.supervisor().check();
            assertThat(runtime.state(bot)).as("replica b does not supervise").contains(RuntimeState.EXITED);
        }
        supervisor.check();
        assertThat(runtime.state(bot)).contains(RuntimeState.RUNNING);
        assertThat(((LocalProcessRuntime) runtime).pid(bot).orElseThrow()).isNotEqualTo(first.pid());
    }

    @AfterEach
    void stopBots() {
        runtime.bots().forEach(runtime::stop);
    }

    @AfterAll
    static void stopAccounts() throws Exception {
        ACCOUNTS.stop(0);
        S3.close();
    }

    @BeforeEach
    void configs() {
        assertThat(post("/controllers/configs/pmm_deploy", PMM).status()).isEqualTo(201);
        assertThat(post("/controllers/configs/pmm_perp", PMM_OTHER_VENUE).status()).isEqualTo(201);
    }

    @Test
    void badInputIsRefusedNamingTheProblemAndLeavesNothingBehind() throws IOException {
        List<String> foldersBefore = instanceFolders();
        long runsBefore = jdbc.queryForObject("SELECT count(*) FROM orchestration.bot_runs", Long.class);
        assertRefused(deploy("bad name!", "alice", "pmm_deploy"), 400, "Invalid instance_name 'bad name!'");
        assertRefused(deploy("../../escape", "alice", "pmm_deploy"), 400, "Invalid instance_name '../../escape'");
        assertRefused(deploy(unique("ok"), "nobody", "pmm_deploy"), 404,
                "Account 'nobody' not found or has no credentials");
        assertRefused(deploy(unique("ok"), "alice", "no_such_config"), 404,
                "Controller config 'no_such_config' not found");
        assertRefused(deploy(unique("ok"), "alice", "pmm_perp"), 400,
                "Account 'alice' has no credentials for connector 'sim_perpetual' (controller config 'pmm_perp')");
        assertRefused(deploy(unique("ok"), "../alice", "pmm_deploy"), 400, "Invalid credentials_profile");
        assertRefused(deploy(unique("ok"), "alice", "../../etc/passwd"), 400, "Invalid controller config");
        Answer missing = post("/bot-orchestration/deploy-v2-controllers", "{\"credentials_profile\": \"alice\"}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().at("/detail/0/loc/1").asString()).isEqualTo("instance_name");

        assertThat(instanceFolders()).as("no folder, no staging folder").isEqualTo(foldersBefore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM orchestration.bot_runs", Long.class)).isEqualTo(runsBefore);
    }

    @Test
    void aDeployWritesTheWholeInstanceFolderRecordsTheRunAndStartsTheBot() throws Exception {
        String instance = unique("pmm");
        Answer deployed = deploy(instance, "alice", "pmm_deploy", ", \"max_global_drawdown_quote\": 50");
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        String bot = deployed.json().get("unique_instance_name").asString();
        assertThat(bot).matches(instance + "-\\d{8}-\\d{6}");
        assertThat(deployed.json().get("success").asBoolean()).isTrue();
        assertThat(deployed.json().get("message").asString()).isEqualTo("Instance " + bot + " created successfully.");
        assertThat(deployed.json().get("script_config_generated").asString()).isEqualTo(bot + ".yml");
        assertThat(deployed.json().get("controllers_deployed").get(0).asString()).isEqualTo("pmm_deploy");

        Path folder = BOTS_PATH.resolve("bots/instances/" + bot);
        Path conf = folder.resolve("conf");
        assertThat(folder.resolve("data")).isDirectory();
        assertThat(folder.resolve("logs")).isDirectory();
        Map<String, Object> client = HummingbotFiles.readMapping(conf.resolve("conf_client.yml"));
        assertThat(client.get("instance_id")).isEqualTo(bot);
        assertThat(client.get("mqtt_bridge")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("mqtt_host", "127.0.0.1").containsEntry("mqtt_port", 18830)
                .containsEntry("mqtt_username", "bots").containsEntry("mqtt_password", "broker-pw");
        HummingbotSecrets secrets = new HummingbotSecrets(CONFIG_PASSWORD);
        secrets.verifyPassword(conf);
        Map<String, Object> sim = HummingbotFiles.readMapping(conf.resolve("connectors/sim.yml"));
        assertThat(sim.get("connector")).isEqualTo("sim");
        assertThat(sim.get("sim_api_secret")).as("encrypted on disk").isNotEqualTo("secret-456");
        assertThat(secrets.decrypt((String) sim.get("sim_api_key"))).isEqualTo("key-123");
        assertThat(secrets.decrypt((String) sim.get("sim_api_secret"))).isEqualTo("secret-456");
        Map<String, Object> script = HummingbotFiles.readMapping(conf.resolve("scripts/" + bot + ".yml"));
        assertThat(script).containsEntry("script_file_name", "v2_with_controllers.py")
                .containsEntry("controllers_config", List.of("pmm_deploy.yml"))
                .containsEntry("max_global_drawdown_quote", 50);
        Map<String, Object> controller = HummingbotFiles.readMapping(conf.resolve("controllers/pmm_deploy.yml"));
        assertThat(controller).containsEntry("id", "pmm_deploy").containsEntry("controller_name", "pmm_simple")
                .containsEntry("connector_name", "sim");

        assertThat(runtime.state(bot)).contains(RuntimeState.RUNNING);
        assertThat(awaitLog(folder, "SCRIPT_CONFIG=")).contains("SCRIPT_CONFIG=" + bot + ".yml");
        assertThat(outboxEvents(bot)).containsExactly("BotDeployed");
        Answer run = get("/bot-orchestration/bot-runs/" + deployed.json().get("bot_run_id").asLong());
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.json().at("/data/bot_name").asString()).isEqualTo(bot);
        assertThat(run.json().at("/data/instance_name").asString()).isEqualTo(instance);
        assertThat(run.json().at("/data/deployment_status").asString()).isEqualTo("DEPLOYED");
        assertThat(run.json().at("/data/run_status").asString()).isEqualTo("RUNNING");
        assertThat(run.json().at("/data/strategy_type").asString()).isEqualTo("controller");
        assertThat(run.json().at("/data/account_name").asString()).isEqualTo("alice");
        assertThat(run.json().at("/data/image_version").asString()).isEqualTo("process");
        assertThat(run.body()).doesNotContain("secret-456", CONFIG_PASSWORD);

        Answer again = deploy(instance, "alice", "pmm_deploy");
        assertRefused(again, 409, "Instance name '" + instance + "' is in use by deployed bot '" + bot + "'");
        assertThat(instanceFolders()).filteredOn(name -> name.contains(instance)).containsExactly(bot);
    }

    @Test
    void aBotThatCannotStartLeavesAFailedRunAndNoFolder() throws IOException {
        String instance = unique("broken");
        Answer refused = deploy(instance, "alice", "pmm_deploy");
        assertRefused(refused, 503, "the process runtime could not start bot '" + instance);
        assertThat(instanceFolders()).noneMatch(name -> name.startsWith(instance));
        Answer runs = get("/bot-orchestration/bot-runs?deployment_status=FAILED&bot_name="
                + jdbc.queryForObject("SELECT bot_name FROM orchestration.bot_runs WHERE instance_name = ?",
                String.class, instance));
        assertThat(runs.json().get("total").asLong()).isEqualTo(1);
        assertThat(runs.json().at("/data/0/error_message").asString()).contains("no bot jar here");
        assertThat(deploy(instance.replace("broken", "fixed"), "alice", "pmm_deploy").status()).isEqualTo(200);
    }

    /** SIGKILL of a bot's process (no stop asked): the supervisor starts it again on its folder and environment. */
    @Test
    void aBotWhoseProcessIsKilledIsStartedAgainOnItsFolder() throws Exception {
        Answer deployed = deploy(unique("killed"), "alice", "pmm_deploy");
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        String bot = deployed.json().get("unique_instance_name").asString();
        ProcessHandle first = ProcessHandle.of(((LocalProcessRuntime) runtime).pid(bot).orElseThrow()).orElseThrow();

        first.destroyForcibly();
        first.onExit().get(10, TimeUnit.SECONDS);
        supervisor.check();

        long second = ((LocalProcessRuntime) runtime).pid(bot).orElseThrow();
        assertThat(second).isNotEqualTo(first.pid());
        assertThat(runtime.state(bot)).contains(BotRuntimeDriver.RuntimeState.RUNNING);
        Path folder = BOTS_PATH.resolve("bots/instances/" + bot);
        awaitLog(folder, "SCRIPT_CONFIG=" + bot + ".yml\nSCRIPT_CONFIG=" + bot + ".yml");
        Answer run = get("/bot-orchestration/bot-runs?bot_name=" + bot);
        assertThat(run.json().at("/data/0/run_status").asString()).isEqualTo("RUNNING");
        assertThat(run.json().at("/data/0/error_message").asString()).contains("restarted at")
                .contains("ended without a stop");
        supervisor.check();
        assertThat(((LocalProcessRuntime) runtime).pid(bot)).as("a running bot is left alone").contains(second);
    }

    /** A bot that ends at once every time is started again at most max-restarts times, then left down with why. */
    @Test
    void aBotThatKeepsEndingIsGivenUpAfterTheRestartLimit() throws Exception {
        Answer deployed = deploy(unique("crashy"), "alice", "pmm_deploy");
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        String bot = deployed.json().get("unique_instance_name").asString();
        Path log = BOTS_PATH.resolve("bots/instances/" + bot).resolve(LocalProcessRuntime.LOG_FILE);

        for (int pass = 0; pass < 5; pass++) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> runtime.state(bot).orElseThrow() == BotRuntimeDriver.RuntimeState.EXITED);
            supervisor.check();
        }

        assertThat(Files.readString(log).lines().filter(line -> line.startsWith("SCRIPT_CONFIG=")).count())
                .as("the deploy's start and two restarts").isEqualTo(3);
        Answer run = get("/bot-orchestration/bot-runs?bot_name=" + bot);
        assertThat(run.json().at("/data/0/error_message").asString()).contains("is not started again");
    }

    @Test
    void stopAndArchiveRunsAsAJobThatStopsMovesTheFolderAndAnnouncesIt() throws Exception {
        Answer deployed = deploy(unique("arch"), "alice", "pmm_deploy");
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        String bot = deployed.json().get("unique_instance_name").asString();
        long pid = ((LocalProcessRuntime) runtime).pid(bot).orElseThrow();

        Answer started = post("/bot-orchestration/stop-and-archive-bot/" + bot + "?skip_order_cancellation=false", "");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.json().get("status").asString()).isEqualTo("success");
        assertThat(started.json().get("message").asString()).isEqualTo("Stop and archive process started for bot " + bot);
        assertThat(started.json().at("/details/actual_bot_name").asString()).isEqualTo(bot);
        String jobUrl = started.json().get("job_url").asString();

        Answer done = awaitPath(jobUrl, answer -> !answer.json().get("status").asString().equals("running"));
        assertThat(done.json().get("status").asString()).as(done.body()).isEqualTo("completed");
        assertThat(done.json().get("archive_path").asString()).isEqualTo("bots/archived/" + bot);

        assertThat(control.stops).containsExactly(bot + " skip_order_cancellation=false");
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isIn(Optional.empty(), Optional.of(false));
        assertThat(runtime.state(bot)).as("removed from the runtime").isEmpty();
        assertThat(BOTS_PATH.resolve("bots/instances/" + bot)).doesNotExist();
        Path archived = BOTS_PATH.resolve("bots/archived/" + bot);
        assertThat(archived.resolve("conf/conf_client.yml")).isRegularFile();
        assertThat(archived.resolve("logs/bot.log")).isRegularFile();
        assertThat(outboxEvents(bot)).containsExactly("BotDeployed", "BotStopped", "BotArchived");
        String payload = jdbc.queryForObject("SELECT envelope FROM orchestration.event_outbox WHERE event_key = ? "
                + "AND event_type = 'BotArchived'", String.class, bot);
        assertThat(JSON.readTree(payload).at("/payload/archivePath").asString()).isEqualTo("bots/archived/" + bot);

        JsonNode run = get("/bot-orchestration/bot-runs?bot_name=" + bot).json();
        assertThat(run.get("total").asLong()).isEqualTo(1);
        assertThat(run.at("/data/0/deployment_status").asString()).isEqualTo("ARCHIVED");
        assertThat(run.at("/data/0/run_status").asString()).isEqualTo("STOPPED");
        assertThat(run.at("/data/0/stopped_at").isNull()).isFalse();

        assertRefused(post("/bot-orchestration/stop-and-archive-bot/" + bot, ""), 404,
                "Bot '" + bot + "' not found in deployed bots");
    }

    @Test
    void stopAndArchiveRefusesUnknownBotsBadNamesAndS3() {
        assertRefused(post("/bot-orchestration/stop-and-archive-bot/ghost", ""), 404,
                "Bot 'ghost' not found in deployed bots");
        assertRefused(post("/bot-orchestration/stop-and-archive-bot/bad.name", ""), 400, "Invalid bot name");
        assertRefused(post("/bot-orchestration/stop-and-archive-bot/ghost?s3_bucket=b", ""), 400,
                "Invalid S3 bucket name");
        assertRefused(post("/bot-orchestration/stop-and-archive-bot/ghost?archive_locally=false", ""), 400,
                "No S3 bucket: pass s3_bucket (or set AWS_S3_DEFAULT_BUCKET_NAME)");
        assertRefused(get("/bot-orchestration/stop-and-archive-bot/jobs/nope"), 404, "Stop and archive job not found");
    }

    @Test
    void botRunsAreListedFilteredPagedAndCounted() {
        String account = "alice";
        String first = deploy(unique("runs"), account, "pmm_deploy").json().get("unique_instance_name").asString();
        String second = deploy(unique("runs"), account, "pmm_deploy").json().get("unique_instance_name").asString();

        JsonNode page = get("/bot-orchestration/bot-runs?account_name=alice&run_status=RUNNING&limit=1&offset=0").json();
        assertThat(page.get("status").asString()).isEqualTo("success");
        assertThat(page.get("limit").asInt()).isEqualTo(1);
        assertThat(page.get("offset").asInt()).isZero();
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(page.get("data")).hasSize(1);
        assertThat(page.at("/data/0/bot_name").asString()).as("newest first").isEqualTo(second);
        JsonNode firstOnly = get("/bot-orchestration/bot-runs?bot_name=" + first).json();
        assertThat(firstOnly.get("total").asLong()).isEqualTo(1);

        JsonNode stats = get("/bot-orchestration/bot-runs/stats").json();
        assertThat(stats.at("/data/total_runs").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(stats.at("/data/by_run_status/RUNNING").asLong()).isGreaterThanOrEqualTo(2);

        assertRefused(get("/bot-orchestration/bot-runs/999999"), 404, "Bot run 999999 not found");
        assertRefused(get("/bot-orchestration/bot-runs?limit=0"), 400, "limit must be between 1 and 1000");
    }

    @Test
    void stopAndArchiveToS3UploadsTheFolderVerifiesItThenRemovesItAndAnnouncesBucketAndKey() throws Exception {
        String bot = deployedBotWithDatabase("s3arch");

        Answer started = post("/bot-orchestration/stop-and-archive-bot/" + bot + "?s3_bucket=" + BUCKET, "");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        Answer done = awaitPath(started.json().get("job_url").asString(),
                answer -> !answer.json().get("status").asString().equals("running"));

        String key = "bots/archived/" + bot + "_archive.tar.gz";
        assertThat(done.json().get("status").asString()).as(done.body()).isEqualTo("completed");
        assertThat(done.json().get("archive_path").asString()).isEqualTo(key);
        assertThat(done.json().get("s3_bucket").asString()).isEqualTo(BUCKET);
        assertThat(tarEntries(BUCKET, key)).contains(bot + "/data/" + bot + ".sqlite", bot + "/logs/bot.log",
                bot + "/conf/conf_client.yml");
        assertThat(BOTS_PATH.resolve("bots/instances/" + bot)).as("removed after the verified upload").doesNotExist();
        assertThat(BOTS_PATH.resolve("bots/archived/" + bot)).doesNotExist();
        assertThat(BOTS_PATH.resolve("bots/archived/" + bot + "_archive.tar.gz")).as("staging tarball").doesNotExist();
        String payload = jdbc.queryForObject("SELECT envelope FROM orchestration.event_outbox WHERE event_key = ? "
                + "AND event_type = 'BotArchived'", String.class, bot);
        assertThat(JSON.readTree(payload).at("/payload/archivePath").asString()).isEqualTo(key);
        assertThat(JSON.readTree(payload).at("/payload/s3Bucket").asString()).isEqualTo(BUCKET);
        JsonNode run = get("/bot-orchestration/bot-runs?bot_name=" + bot).json();
        assertThat(run.at("/data/0/deployment_status").asString()).isEqualTo("ARCHIVED");
        assertThat(run.toString()).doesNotContain(LocalS3Server.SECRET_KEY);
    }

    @Test
    void aFailedUploadFailsTheJobWithItsReasonAndKeepsTheInstanceFolder() throws Exception {
        String bot = deployedBotWithDatabase("s3fail");
        Path folder = BOTS_PATH.resolve("bots/instances/" + bot);

        Answer started = post("/bot-orchestration/stop-and-archive-bot/" + bot + "?archive_locally=false"
                + "&s3_bucket=no-such-bucket", "");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        Answer failed = awaitPath(started.json().get("job_url").asString(),
                answer -> !answer.json().get("status").asString().equals("running"));

        assertThat(failed.json().get("status").asString()).as(failed.body()).isEqualTo("failed");
        assertThat(failed.json().get("step").asString()).isEqualTo("archive");
        assertThat(failed.json().get("error").asString()).isEqualTo("S3 bucket not found: no-such-bucket");
        assertThat(folder.resolve("data/" + bot + ".sqlite")).as("nothing lost").hasContent("rows of " + bot);
        assertThat(folder.resolve("conf/conf_client.yml")).isRegularFile();
        assertThat(BOTS_PATH.resolve("bots/archived/" + bot + "_archive.tar.gz")).doesNotExist();
        assertThat(outboxEvents(bot)).containsExactly("BotDeployed", "BotStopped");
        assertThat(get("/bot-orchestration/bot-runs?bot_name=" + bot).json().at("/data/0/error_message").asString())
                .contains("stop-and-archive failed at archive: S3 bucket not found: no-such-bucket");
    }

    /** A deployed bot whose instance folder holds a database, as a running bot leaves it. */
    private String deployedBotWithDatabase(String prefix) throws IOException {
        Answer deployed = deploy(unique(prefix), "alice", "pmm_deploy");
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        String bot = deployed.json().get("unique_instance_name").asString();
        Files.writeString(BOTS_PATH.resolve("bots/instances/" + bot + "/data/" + bot + ".sqlite"), "rows of " + bot);
        return bot;
    }

    private static List<String> tarEntries(String bucket, String key) throws IOException {
        assertThat(S3.objectFile(bucket, key)).as("object " + key).isRegularFile();
        List<String> names = new java.util.ArrayList<>();
        try (var tar = new TarArchiveInputStream(new GzipCompressorInputStream(
                Files.newInputStream(S3.objectFile(bucket, key))))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    private Answer deploy(String instance, String account, String controller) {
        return deploy(instance, account, controller, "");
    }

    private Answer deploy(String instance, String account, String controller, String extra) {
        return post("/bot-orchestration/deploy-v2-controllers", "{\"instance_name\": \"" + instance
                + "\", \"credentials_profile\": \"" + account + "\", \"controllers_config\": [\"" + controller + "\"]"
                + extra + "}");
    }

    private static void assertRefused(Answer answer, int status, String detail) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.json().get("detail").asString()).contains(detail);
    }

    private static String unique(String prefix) {
        return prefix + "_" + NAMES.incrementAndGet() + "_" + ProcessHandle.current().pid();
    }

    private static List<String> instanceFolders() throws IOException {
        Path instances = BOTS_PATH.resolve("bots/instances");
        if (!Files.isDirectory(instances)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(instances)) {
            return folders.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    private static String awaitLog(Path folder, String marker) throws Exception {
        Path log = folder.resolve(LocalProcessRuntime.LOG_FILE);
        for (int i = 0; i < 200; i++) {
            if (Files.exists(log) && Files.readString(log).contains(marker)) {
                return Files.readString(log);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no '" + marker + "' in " + log);
    }

    /** accounts-service's credential API: account {@code alice} holds credentials for {@code sim}. */
    static HttpServer accountsService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/internal/credentials", BotDeploymentApiTest::credentials);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void credentials(HttpExchange exchange) throws IOException {
        if (!CREDENTIALS_TOKEN.equals(exchange.getRequestHeaders().getFirst(CredentialsToken.HEADER))) {
            respond(exchange, 403, "{\"detail\": \"credentials token required\"}");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/internal/credentials") || path.equals("/internal/credentials/")) {
            respond(exchange, 200, "[{\"account_name\": \"alice\", \"connector_name\": \"sim\"},"
                    + " {\"account_name\": \"bob\", \"connector_name\": \"sim\"}]");
        } else if (path.equals("/internal/credentials/alice/sim")) {
            respond(exchange, 200, "{\"account_name\": \"alice\", \"connector_name\": \"sim\", \"revision\": 3, "
                    + "\"fields\": " + JSON.writeValueAsString(SIM_CREDENTIALS) + "}");
        } else {
            respond(exchange, 404, "{\"detail\": \"not found\"}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
