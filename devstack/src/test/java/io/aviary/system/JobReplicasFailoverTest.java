package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aviary.common.events.EventEnvelope;
import io.aviary.common.events.Topics;
import io.aviary.devstack.RunningSuite;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stateful work of ADR 0030 on two replicas behind the gateway, one of them killed with SIGKILL while it owns the
 * work (issue 17, "Replicas").
 * <p>Backtests: a task runs on the replica that accepted it, under its lease; when that replica dies mid-task the
 * task is marked failed with the reason within the lease time to live (read through the gateway from the survivor),
 * it is not run a second time, it never gets a result or a {@code BacktestCompleted}, and the same backtest submitted
 * again completes on the survivor with exactly one result and one event.
 * <p>Bot supervision (local-process runtime, replicas on one host, ADR 0033): a bot deployed through the gateway runs
 * once; when the supervising replica dies the survivor takes the supervisor lease within the lease time to live plus
 * its check period, adopts the running bot instead of starting a second one, starts it again when its process is
 * killed afterwards (once), and stops it through the gateway.
 */
class JobReplicasFailoverTest {

    private static final String BACKTESTING = "backtesting-service";
    private static final String ORCHESTRATION = "orchestration-service";
    /** Lease time to live (6 s) + supervisor check (2 s) + a status read, on a loaded 2-core machine (generous). */
    private static final Duration SUPERVISION_BOUND = Duration.ofSeconds(45);
    private static final Duration LEASE_TTL = Duration.ofSeconds(6);
    /** Lease time to live (6 s) + the next read through the gateway, on a loaded 2-core machine (generous). */
    private static final Duration FAILED_BOUND = Duration.ofSeconds(30);
    /** 90 days of 1m sim candles (129,600): fetching them from the venue takes several seconds (a month ~2 s idle). */
    private static final int DAYS = 90;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static RunningSuite suite;
    private static Http api;

    @BeforeAll
    static void startTwoReplicasEach() {
        suite = Replicas.startTwoOf("job-replicas", List.of("gateway", "sim-exchange", "accounts-service",
                "trading-service", "market-data-service", BACKTESTING, ORCHESTRATION), List.of(BACKTESTING, ORCHESTRATION),
                LEASE_TTL, Map.of("AVIARY_BOTS_RESTART_CHECK", "2s"));
        api = Http.to(suite.gatewayUrl()).basicAuth(suite.username(), suite.password());
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void aBacktestWhoseReplicaIsKilledFailsWithTheReasonAndRunsAgainOnTheSurvivorOnlyWhenResubmitted() throws Exception {
        long end = (Instant.now().getEpochSecond() / 3600 - 2) * 3600 - 60;
        long start = end + 60 - DAYS * 86_400L;
        String body = BacktestingThroughGatewayTest.body(start, end);

        String doomed = submitted(body);
        Map<String, String> owners = Replicas.liveOwners(suite, "backtesting", "backtest-task/" + doomed);
        assertThat(owners).as("the task runs under its lease from submission on").hasSize(1);
        int victim = Replicas.instanceNumber(BACKTESTING, owners.values().iterator().next());
        String survivorId = Replicas.instanceId(BACKTESTING, 3 - victim);
        JsonNode beforeKill = task(doomed);
        assertThat(beforeKill.get("status").asString()).as("still fetching or running when its replica dies: " + beforeKill)
                .isIn("pending", "running");

        suite.killInstance(BACKTESTING, victim);
        long killedAt = System.nanoTime();
        JsonNode failed = await("the dead replica's task marked failed").atMost(FAILED_BOUND)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> task(doomed), t -> !t.get("status").asString().equals("pending")
                        && !t.get("status").asString().equals("running"));
        System.out.printf("[job-replicas] task of the killed %s failed %d ms after the kill%n",
                Replicas.instanceId(BACKTESTING, victim), Duration.ofNanos(System.nanoTime() - killedAt).toMillis());
        assertThat(failed.get("status").asString()).as(failed.toString()).isEqualTo("failed");
        assertThat(failed.get("error").asString()).contains("replica running the task stopped");
        assertThat(failed.has("result")).as("no result of a task that did not finish").isFalse();
        assertThat(Replicas.liveOwners(suite, "backtesting", "backtest-task/" + doomed))
                .as("no replica runs it again").isEmpty();

        // the client's remedy (the error says so): the same backtest again, which the survivor runs to the end
        String again = submitted(body);
        assertThat(Replicas.liveOwners(suite, "backtesting", "backtest-task/" + again)).containsValue(survivorId);
        JsonNode completed = await("the resubmitted task completes on the survivor").atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> task(again), t -> !t.get("status").asString().equals("pending")
                        && !t.get("status").asString().equals("running"));
        assertThat(completed.get("status").asString()).as(completed.toString()).isEqualTo("completed");
        assertThat(completed.get("result").get("results").get("total_executors").asInt()).isPositive();

        // exactly one result: one BacktestCompleted, for the resubmitted task; the killed one stays failed
        List<EventEnvelope> events = TopicReader.awaitEnvelopes(suite.kafkaBootstrap(), Topics.BACKTESTING,
                e -> e.key().equals(again), Duration.ofSeconds(60));
        assertThat(events.stream().filter(e -> e.type().equals("BacktestCompleted")).map(EventEnvelope::key))
                .containsExactly(again);
        assertThat(task(doomed).get("status").asString()).isEqualTo("failed");
        List<String> listed = JSON.readTree(ok(api.get("/backtesting/tasks")).body()).valueStream()
                .map(t -> t.get("task_id").asString()).toList();
        assertThat(listed).containsOnlyOnce(doomed, again);
    }

    @Test
    void theSurvivorTakesOverABotsSupervisionAdoptsItRestartsItOnceAndStopsIt() throws Exception {
        BotDesk desk = BotDesk.on(suite);
        String bot = desk.deployPmmBot("replica_pmm");
        desk.awaitRunning(bot);
        ProcessHandle original = desk.botProcess(bot);
        String supervisor = await("one replica supervises the bots").atMost(SUPERVISION_BOUND)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> Replicas.liveOwners(suite, "orchestration", "orchestration-supervisor"), o -> o.size() == 1)
                .values().iterator().next();
        int victim = Replicas.instanceNumber(ORCHESTRATION, supervisor);
        String survivor = Replicas.instanceId(ORCHESTRATION, 3 - victim);
        assertThat(desk.botProcessesOf(bot)).as("one bot process").containsExactly(original.pid());

        suite.killInstance(ORCHESTRATION, victim);
        long killedAt = System.nanoTime();
        await("the survivor supervises and sees the bot run").atMost(SUPERVISION_BOUND).pollInterval(Duration.ofMillis(250))
                .until(() -> Replicas.liveOwners(suite, "orchestration", "orchestration-supervisor")
                        .containsValue(survivor) && "running".equals(botStatus(bot).path("runtime_state").asString("")));
        System.out.printf("[job-replicas] %s took over the bots %d ms after %s was killed%n", survivor,
                Duration.ofNanos(System.nanoTime() - killedAt).toMillis(), supervisor);
        assertThat(original.isAlive()).as("the bot outlives the replica's SIGKILL").isTrue();
        assertThat(desk.botProcessesOf(bot)).as("adopted, not started a second time").containsExactly(original.pid());
        assertThat(botStatus(bot).path("status").asString()).isEqualTo("running");

        // the survivor supervises for real: a crash of the bot is followed by one new process
        original.destroyForcibly();
        long restarted = await("the survivor starts the killed bot again").atMost(BotDesk.BOT_UP)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> desk.botProcessesOf(bot), pids -> !pids.isEmpty() && !pids.contains(original.pid()))
                .getFirst();
        desk.awaitStrategyStarted(bot, 2);
        desk.awaitRunning(bot);
        assertThat(desk.botProcessesOf(bot)).as("started once").containsExactly(restarted);
        assertThat(desk.runOf(bot).path("error_message").asString()).contains("restart 1 of");

        desk.stopAndArchive(bot);
        assertThat(desk.botProcessesOf(bot)).as("stopped by the survivor").isEmpty();
    }

    private static JsonNode botStatus(String bot) {
        return JSON.readTree(ok(api.get("/bot-orchestration/" + bot + "/status")).body()).path("data");
    }

    private static String submitted(String body) {
        Http.Response submitted = api.postJson("/backtesting/tasks", body);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
        return JSON.readTree(submitted.body()).get("task_id").asString();
    }

    private static JsonNode task(String id) {
        return JSON.readTree(ok(api.get("/backtesting/tasks/" + id)).body());
    }

    private static Http.Response ok(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }
}
