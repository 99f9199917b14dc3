package io.aviary.strategy.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aviary.strategy.executor.PositionExecutorTest.Mid;
import io.aviary.strategy.executor.PositionExecutorTest.RecordingGateway;
import java.util.List;
import java.util.Map;
import net.minidev.json.JSONValue;
import org.junit.jupiter.api.Test;

/** The resume rules one by one: fills missed while down, repeats, barriers after a restart, adoption, the format. */
class ExecutorResumeTest {
  private static final TripleBarrierConfig BARRIERS =
      TripleBarrierConfig.of(0.03, 0.02, 600L, null, OrderType.LIMIT, OrderType.MARKET);

  private static PositionExecutorConfig position() {
    return new PositionExecutorConfig("p1", 1_000, "c1", "sim", "BTC-USDT", TradeType.BUY, 100, 2, BARRIERS, 1, null);
  }

  @SuppressWarnings("unchecked")
  private static ExecutorCheckpoint throughJson(Executor executor) {
    String json = JSONValue.toJSONString(ExecutorCheckpoint.of(executor).toMap());
    return ExecutorCheckpoint.fromMap((Map<String, Object>) JSONValue.parse(json));
  }

  @Test
  void aFillMissedWhileDownCountsOnceAndARepeatIsIgnored() {
    RecordingGateway before = new RecordingGateway();
    Executor running = ExecutorCheckpoint.checkpointable(position(), "p1", before);
    running.start(new Mid(1_000, 100));
    running.onOrderFilled(new OrderFill("o1", 1_010, 100, 0.5, 0.05, false, "t1"));
    ExecutorCheckpoint checkpoint = throughJson(running);
    assertEquals(List.of("o1"), checkpoint.openOrders().stream().map(CheckpointOrder::clientOrderId).toList());

    RecordingGateway after = new RecordingGateway();
    PositionExecutor resumed = (PositionExecutor) checkpoint.resume(after);
    assertTrue(after.placed.isEmpty(), "resume places nothing: the open order rests on the venue");
    resumed.onOrderFilled(new OrderFill("o1", 1_010, 100, 0.5, 0.05, false, "t1")); // counted before the crash
    resumed.onOrderFilled(new OrderFill("o1", 1_030, 100, 1.5, 0.15, true, "t2")); // filled while down
    resumed.onOrderFilled(new OrderFill("o1", 1_030, 100, 1.5, 0.15, true, "t2")); // delivered again
    assertEquals(2, resumed.openFilledAmount(), 1e-12);
    assertEquals(0.2, resumed.cumFeesQuote(), 1e-12);

    resumed.step(new Mid(1_040, 103)); // take profit 2 % → MARKET close
    assertEquals(new OrderRequest("sim", "BTC-USDT", TradeType.SELL, OrderType.MARKET, 2, Double.NaN,
        PositionAction.CLOSE), after.placed.getFirst());
    resumed.onOrderFilled(new OrderFill("o1", 1_041, 103, 2, 0.206, true, "t3"));
    assertEquals(ExecutorState.TERMINATED, resumed.state());
    assertEquals(CloseType.TAKE_PROFIT, resumed.closeType());
    assertEquals(6 - 0.406, resumed.netPnlQuote(), 1e-9);
    resumed.onOrderFilled(new OrderFill("o1", 1_041, 103, 2, 0.206, true, "t3"));
    assertEquals(6 - 0.406, resumed.netPnlQuote(), 1e-9, "a repeat after the end changes nothing");
  }

  @Test
  void aPositionResumedAfterItsTimeLimitClosesAtOnceWithTimeLimit() {
    Executor running = ExecutorCheckpoint.checkpointable(position(), "p1", new RecordingGateway());
    running.start(new Mid(1_000, 100));
    running.onOrderFilled(new OrderFill("o1", 1_010, 100, 2, 0.2, true, "t1"));
    running.step(new Mid(1_060, 100.5));
    ExecutorCheckpoint checkpoint = throughJson(running);

    RecordingGateway after = new RecordingGateway();
    Executor resumed = checkpoint.resume(after);
    resumed.step(new Mid(5_000, 100.5)); // down for over an hour: the limit ran out at 1_600
    assertEquals(ExecutorState.SHUTTING_DOWN, resumed.state());
    assertEquals(CloseType.TIME_LIMIT, resumed.closeType());
    assertEquals(List.of(new OrderRequest("sim", "BTC-USDT", TradeType.SELL, OrderType.MARKET, 2, Double.NaN,
        PositionAction.CLOSE)), after.placed);
    resumed.onOrderFilled(new OrderFill("o1", 5_001, 100.4, 2, 0.2, true, "t2"));
    assertEquals(ExecutorState.TERMINATED, resumed.state());
    assertEquals(5_001, resumed.closeTimestamp());
  }

  @Test
  void aStopLossStillHoldsAfterAResume() {
    Executor running = ExecutorCheckpoint.checkpointable(position(), "p1", new RecordingGateway());
    running.start(new Mid(1_000, 100));
    running.onOrderFilled(new OrderFill("o1", 1_010, 100, 2, 0.2, true, "t1"));
    RecordingGateway after = new RecordingGateway();
    Executor resumed = throughJson(running).resume(after);
    resumed.step(new Mid(1_100, 96.9));
    assertEquals(CloseType.STOP_LOSS, resumed.closeType());
    assertEquals(1, after.placed.size());
  }

  @Test
  void aSupervisorAdoptsResumedExecutorsAndKeepsAccountingThem() {
    RecordingGateway gateway = new RecordingGateway();
    ExecutorSupervisor first = new ExecutorSupervisor(gateway, (c, n) -> "e" + n, false);
    first.keepCheckpoints();
    first.apply(List.of(new ExecutorAction.Create("c1", position())), new Mid(1_000, 100));
    Executor running = first.active().getFirst();
    running.onOrderFilled(new OrderFill("o1", 1_010, 100, 2, 0.2, true, "t1"));
    ExecutorCheckpoint checkpoint = throughJson(running);

    RecordingGateway after = new RecordingGateway();
    ExecutorSupervisor second = new ExecutorSupervisor(after, (c, n) -> "e" + n, false);
    Executor resumed = checkpoint.resume(after);
    second.adopt(resumed, new Mid(1_050, 101));
    assertThrows(IllegalArgumentException.class, () -> second.adopt(resumed, new Mid(1_050, 101)));
    second.stepActive(new Mid(1_060, 102.5));
    resumed.onOrderFilled(new OrderFill(after.ids.getFirst(), 1_061, 102.5, 2, 0.205, true, "t2"));
    second.collectDone();
    assertTrue(second.active().isEmpty());
    assertEquals(1, second.closedWith(CloseType.TAKE_PROFIT));
    assertEquals(5 - 0.405, second.closedRealizedQuote(), 1e-9);
  }

  @Test
  void theTreeKeepsNumbersExactAsStringsAndNamesFieldsInSnakeCase() {
    PositionExecutorConfig config = new PositionExecutorConfig("p1", 1_000, "c1", "sim", "BTC-USDT", TradeType.BUY,
        Double.NaN, 0.1, BARRIERS, 1, null);
    Executor running = ExecutorCheckpoint.checkpointable(config, "p1", new RecordingGateway());
    running.start(new Mid(1_000, 100.1));
    Map<String, Object> tree = ExecutorCheckpoint.of(running).toMap();
    @SuppressWarnings("unchecked")
    Map<String, Object> configTree = (Map<String, Object>) tree.get("config");
    assertEquals("position_executor", configTree.get("type"));
    assertEquals("NaN", configTree.get("entry_price"));
    assertEquals("0.1", configTree.get("amount"));
    assertEquals("1000", configTree.get("timestamp"));
    assertInstanceOf(Map.class, configTree.get("triple_barrier_config"));
    @SuppressWarnings("unchecked")
    Map<String, Object> progress = (Map<String, Object>) tree.get("progress");
    assertEquals("position_progress", progress.get("type"));
    assertEquals("NaN", progress.get("trailing_trigger"));
    assertEquals(ExecutorCheckpoint.of(running), throughJson(running));
  }

  @Test
  void badTreesAndUncheckpointedExecutorsAreRefusedClearly() {
    Executor running = ExecutorCheckpoint.checkpointable(position(), "p1", new RecordingGateway());
    running.start(new Mid(1_000, 100));
    Map<String, Object> tree = ExecutorCheckpoint.of(running).toMap();
    @SuppressWarnings("unchecked")
    Map<String, Object> config = (Map<String, Object>) tree.get("config");
    config.put("type", "no_such_executor");
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> ExecutorCheckpoint.fromMap(tree));
    assertEquals("executor checkpoint: checkpoint.config.type must be one of the known ExecutorConfig types",
        unknown.getMessage());
    config.put("type", "position_executor");
    config.put("amount", "-1");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ExecutorCheckpoint.fromMap(tree))
        .getMessage().contains("amount must be > 0"));

    Executor plain = ExecutorSupervisor.create(position(), "p1", new RecordingGateway());
    assertThrows(IllegalStateException.class, () -> ExecutorCheckpoint.of(plain));
    assertNull(plain.closeType());
  }
}
