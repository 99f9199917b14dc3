package io.aviary.backtesting.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.backtesting.app.BacktestRunner;
import io.aviary.backtesting.app.BacktestTasks;
import io.aviary.backtesting.app.BacktestWorkers;
import io.aviary.backtesting.app.BacktestingSettings;
import io.aviary.backtesting.app.Sweeps;
import io.aviary.backtesting.infra.SweepRepository;
import io.aviary.backtesting.infra.TaskRepository;
import io.aviary.kit.events.EventOutbox;
import io.aviary.kit.ownership.Leases;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two replicas of backtesting-service on one PostgreSQL (ADR 0030): the one behind HTTP (replica-a) and a second one
 * wired from the same parts in the test (replica-b, its own leases). A task runs on the replica that accepted it;
 * the other answers it from the database, its start-up does not fail it, a cancel there reaches the owner, and a task
 * whose replica died (its lease expired) is failed with the reason.
 */
class BacktestReplicasTest extends BacktestingHttpTestBase {

    @Autowired BacktestRunner runner;
    @Autowired BacktestWorkers workers;
    @Autowired TaskRepository repository;
    @Autowired EventOutbox outbox;
    @Autowired TransactionTemplate tx;
    @Autowired JsonMapper json;
    @Autowired BacktestingSettings settings;
    @Autowired SweepRepository sweepRepository;

    private Leases replicaBLeases;

    @BeforeEach
    void leases() {
        replicaBLeases = new Leases(jdbc, "replica-b", Duration.ofSeconds(15), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        candleGate.countDown();
        replicaBLeases.close();
    }

    /** Replica b, started now (its start-up recovery runs in the constructor, as in the service). */
    private BacktestTasks replicaB() {
        return new BacktestTasks(runner, workers, repository, outbox, tx, json, settings, replicaBLeases);
    }

    @Test
    void aSecondReplicaStartingLeavesTheFirstsTaskRunningAndAnswersItFromTheDatabase() {
        candleGate = new CountDownLatch(1);
        String id = submit();
        await(id, task -> task.json().get("status").asString().equals("running"));

        BacktestTasks b = replicaB();

        assertThat(b.get(id).get("status")).isEqualTo("running");
        candleGate.countDown();
        await(id, task -> task.json().get("status").asString().equals("completed"));
        Map<String, Object> done = b.get(id);
        assertThat(done.get("status")).isEqualTo("completed");
        assertThat(done.get("progress")).isEqualTo(100);
        assertThat(done).containsKey("result");
        assertThat(outboxEvents(id)).containsExactly("BacktestCompleted");
    }

    @Test
    void aCancelOnTheOtherReplicaReachesTheOwnerWhichEndsWithoutAResult() {
        candleGate = new CountDownLatch(1);
        String id = submit();
        await(id, task -> task.json().get("status").asString().equals("running"));

        assertThat(replicaB().cancelOrDelete(id)).isEqualTo("cancelled");
        candleGate.countDown();
        // one worker: the next task completes only after the cancelled one has ended on it
        String next = submit();
        await(next, task -> task.json().get("status").asString().equals("completed"));

        Answer cancelled = get("/backtesting/tasks/" + id);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.json().has("result")).isFalse();
        assertThat(outboxEvents(id)).isEmpty();
        assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM backtesting.ownership_lease WHERE name = ?", Integer.class, "backtest-task/" + id))
                .as("the owner released the task's lease").isZero();
    }

    @Test
    void aTaskWhoseReplicaDiedIsFailedWithTheReasonOnceItsLeaseExpired() {
        jdbc.update("INSERT INTO backtesting.backtest_task (id, status, progress, request, created_at, started_at) "
                + "VALUES ('on-dead-replica', 'running', 40, '{\"config\": {}}', now(), now())");
        Leases dying = new Leases(jdbc, "replica-c", Duration.ofSeconds(1), Duration.ofMillis(300));
        dying.tryAcquire("backtest-task/on-dead-replica", lease -> { });

        assertThat(get("/backtesting/tasks/on-dead-replica").json().get("status").asString())
                .as("its replica still renews the lease").isEqualTo("running");
        dying.close(); // renewals stop, as when the process is killed

        Answer failed = await("on-dead-replica", task -> task.json().get("status").asString().equals("failed"));
        assertThat(failed.json().get("error").asString()).contains("replica running the task stopped");
    }

    @Test
    void aSweepIsLeftAloneByAnotherReplicasStartUpAndFailedOnceItsReplicaDied() {
        jdbc.update("INSERT INTO backtesting.backtest_sweep (id, status, variants, rank_by, descending, request, "
                + "created_at, started_at) VALUES ('sweep-on-c', 'running', 2, 'net_pnl', true, '{\"config\": {}}', "
                + "now(), now())");
        Leases dying = new Leases(jdbc, "replica-c", Duration.ofSeconds(1), Duration.ofMillis(300));
        dying.tryAcquire("backtest-sweep/sweep-on-c", lease -> { });

        new Sweeps(runner, workers, sweepRepository, json, settings, replicaBLeases);

        assertThat(sweepStatus()).as("replica b's start-up leaves it to replica c").isEqualTo("running");
        dying.close(); // renewals stop, as when the process is killed
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!get("/backtesting/sweeps/sweep-on-c").json().get("status").asString().equals("failed")) {
            assertThat(Instant.now()).as("bounded wait for the lease to expire").isBefore(deadline);
            Thread.onSpinWait();
        }
        assertThat(jdbc.queryForObject("SELECT error FROM backtesting.backtest_sweep WHERE id = 'sweep-on-c'",
                String.class)).contains("replica running the sweep stopped");
    }

    private String sweepStatus() {
        return jdbc.queryForObject("SELECT status FROM backtesting.backtest_sweep WHERE id = 'sweep-on-c'", String.class);
    }

    private String submit() {
        Answer answer = post("/backtesting/tasks", dayBody(bollinger("")));
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        return answer.json().get("task_id").asString();
    }

    /** Polls the task on replica a until {@code done} holds (at most 20 s: a bound on waiting, not a timing assertion). */
    private Answer await(String id, Predicate<Answer> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            Answer task = get("/backtesting/tasks/" + id);
            if (task.status() == 200 && done.test(task)) {
                return task;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("task " + id + " never got there; last: " + task.body());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
