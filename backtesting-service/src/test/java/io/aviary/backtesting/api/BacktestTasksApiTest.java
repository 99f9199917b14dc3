package io.aviary.backtesting.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.backtesting.app.BacktestTasks;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasks: submitted (202), running while their candles load, queued behind the one worker, refused with 429 when the
 * queue is full, cancelled through the engine's check, completed with progress 100, result and event, listed, removed;
 * and a task left running by a stopped service marked failed at start-up.
 */
class BacktestTasksApiTest extends BacktestingHttpTestBase {

    @Autowired
    BacktestTasks tasks;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry registry;

    @AfterEach
    void openTheGate() {
        candleGate.countDown();
    }

    @Test
    void aTaskRunsQueuesIsCancelledCompletesAndIsRemoved() {
        candleGate = new CountDownLatch(1);
        String first = submit();
        Answer running = await(first, task -> task.json().get("status").asString().equals("running"));
        assertThat(running.json().get("progress").asInt()).isZero();
        String second = submit();
        assertThat(get("/backtesting/tasks/" + second).json().get("status").asString()).isEqualTo("pending");

        Answer refused = post("/backtesting/tasks", dayBody(bollinger("")));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("detail").asString()).contains("busy");

        Answer cancel = delete("/backtesting/tasks/" + first);
        assertThat(cancel.status()).isEqualTo(200);
        assertThat(cancel.json().get("status").asString()).isEqualTo("cancelled");
        candleGate.countDown();

        Answer done = await(second, task -> task.json().get("status").asString().equals("completed"));
        assertThat(done.json().get("progress").asInt()).isEqualTo(100);
        assertThat(done.json().get("result").get("results").get("total_executors").asInt()).isPositive();
        assertThat(done.json().get("result").get("pnl_timeseries").size()).isEqualTo(1440);
        assertThat(done.json().get("config").get("controller_name").asString()).isEqualTo("bollinger_v1");
        assertThat(outboxEvents(second)).containsExactly("BacktestCompleted");
        Answer cancelled = get("/backtesting/tasks/" + first);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.json().has("result")).isFalse();
        assertThat(outboxEvents(first)).isEmpty();

        Answer list = get("/backtesting/tasks");
        assertThat(list.json().findValuesAsString("task_id")).contains(first, second);
        assertThat(list.json().get(0).has("result")).isFalse();

        Answer removed = delete("/backtesting/tasks/" + second);
        assertThat(removed.json().get("status").asString()).isEqualTo("deleted");
        assertThat(get("/backtesting/tasks/" + second).status()).isEqualTo(404);
    }

    @Test
    void theTasksByStateAreMetered() {
        double failedBefore = registry.get("aviary.backtests").tag("status", "failed").gauge().value();
        String id = submit(dayBody(bollinger("").replace("\"BTC-USDT\"", "\"" + EMPTY_PAIR + "\"")));
        await(id, task -> task.json().get("status").asString().equals("failed"));

        assertThat(registry.get("aviary.backtests").tag("status", "failed").gauge().value() - failedBefore).isEqualTo(1.0);
        assertThat(registry.get("aviary.backtests").tag("status", "failed").gauge().value())
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM backtesting.backtest_task WHERE status = 'failed'",
                        Long.class).doubleValue());
    }

    @Test
    void aTaskWithAnInvalidConfigIsRefusedAtSubmission() {
        Answer answer = post("/backtesting/tasks", dayBody(bollinger("\"bb_lenght\": 20")));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("detail").asString()).contains("bb_lenght");
    }

    @Test
    void aTaskWhoseCandlesAreMissingFailsWithTheReason() {
        String id = submit(dayBody(bollinger("").replace("\"BTC-USDT\"", "\"" + EMPTY_PAIR + "\"")));

        Answer failed = await(id, task -> task.json().get("status").asString().equals("failed"));

        assertThat(failed.json().get("error").asString()).contains("No historical data");
    }

    @Test
    void aTaskLeftRunningByAStoppedServiceIsMarkedFailedAtStartUp() {
        jdbc.update("INSERT INTO backtesting.backtest_task (id, status, progress, request, created_at, started_at) "
                + "VALUES ('left-running', 'running', 40, '{\"config\": {}}', now(), now())");

        tasks.recoverInterrupted();

        Answer task = get("/backtesting/tasks/left-running");
        assertThat(task.json().get("status").asString()).isEqualTo("failed");
        assertThat(task.json().get("error").asString()).contains("stopped while the task was");
    }

    @Test
    void anUnknownTaskIs404() {
        assertThat(get("/backtesting/tasks/nope").status()).isEqualTo(404);
        assertThat(delete("/backtesting/tasks/nope").status()).isEqualTo(404);
    }

    private String submit() {
        return submit(dayBody(bollinger("")));
    }

    private String submit(String body) {
        Answer answer = post("/backtesting/tasks", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(answer.json().get("status").asString()).isEqualTo("pending");
        return answer.json().get("task_id").asString();
    }

    /** Polls the task until {@code done} holds (at most 20 s: a bound on waiting, not a timing assertion). */
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
