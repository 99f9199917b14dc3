package io.aviary.strategy.executor;

import java.util.List;
import java.util.Map;

/**
 * An executor's progress as plain data, so a host can store it and, after a restart or crash,
 * {@link #resume resume} the executor against the venue's real state instead of abandoning it (ADR 0023).
 *
 * <p>Taken with {@link #of(Executor)} from an executor made {@link #checkpointable}; stored as the
 * {@link #toMap() map tree} (JSON-ready: maps, lists, strings, ints, booleans, nulls; every {@code double} and
 * {@code long} is a decimal string, so NaN, infinities and 64-bit values survive any JSON library).
 *
 * <p>Resume rules: the executor is rebuilt from its config and this progress and places nothing; its time limit
 * still counts from {@code config.timestamp()}. The host then reconciles every {@link CheckpointOrder.Status#OPEN}
 * order by client order id: it delivers the fills the venue reports through {@link OrderListener#onOrderFilled} —
 * all of them may be delivered, with their trade ids: a trade id already counted for that order, or a fill of an
 * order that already ended, is ignored — and only then the order's end ({@code onOrderCancelled} /
 * {@code onOrderFailed}) if the venue no longer has it.
 *
 * @param version format version ({@link #VERSION})
 * @param lastNow the executor's clock (epoch seconds) at the checkpoint
 * @param retries failed orders counted against its retry limit
 * @param orders every order it placed, in placement order
 * @param progress the type's own progress (fills per leg, levels, trailing trigger, slices ...)
 */
public record ExecutorCheckpoint(
    int version, String id, ExecutorConfig config, ExecutorState state, CloseType closeType, long closeTimestamp,
    long lastNow, double cumFeesQuote, double cumFundingQuote, int retries, List<CheckpointOrder> orders,
    Progress progress) {

  public static final int VERSION = 1;

  public ExecutorCheckpoint {
    if (version != VERSION) {
      throw new IllegalArgumentException("unsupported executor checkpoint version " + version);
    }
    if (id == null || config == null || state == null || progress == null) {
      throw new IllegalArgumentException("an executor checkpoint needs id, config, state and progress");
    }
    orders = List.copyOf(orders);
  }

  /** Hummingbot's executor type, e.g. {@code position_executor}. */
  public String type() {
    return config.type();
  }

  /** The orders the venue may still fill: those a host reconciles after a restart. */
  public List<CheckpointOrder> openOrders() {
    return orders.stream().filter(o -> o.status() == CheckpointOrder.Status.OPEN).toList();
  }

  /**
   * Makes the executor {@code config} describes, keeping what checkpoints need (its order journal): a host that
   * checkpoints creates its executors here instead of {@link ExecutorSupervisor#create}.
   */
  public static Executor checkpointable(ExecutorConfig config, String id, OrderGateway gateway) {
    AbstractExecutor executor = (AbstractExecutor) ExecutorSupervisor.create(config, id, gateway);
    executor.keepJournal();
    return executor;
  }

  /** The checkpoint of a {@link #checkpointable} executor, now. */
  public static ExecutorCheckpoint of(Executor executor) {
    if (!(executor instanceof AbstractExecutor e)) {
      throw new IllegalArgumentException("not a strategy executor: " + executor.getClass().getName());
    }
    return e.checkpoint();
  }

  /**
   * The executor again, in the state of this checkpoint, placing new orders through {@code gateway}; nothing is
   * placed or cancelled here. It stays checkpointable.
   */
  public Executor resume(OrderGateway gateway) {
    AbstractExecutor executor = (AbstractExecutor) ExecutorSupervisor.create(config, id, gateway);
    executor.restore(this);
    return executor;
  }

  /** The JSON-ready tree of this checkpoint (see the class comment for the value rules). */
  public Map<String, Object> toMap() {
    return CheckpointCodec.encode(this);
  }

  /** Reads a tree written by {@link #toMap()} (after a JSON round trip: numbers may come back as any Number). */
  public static ExecutorCheckpoint fromMap(Map<String, ?> tree) {
    return CheckpointCodec.decode(tree, ExecutorCheckpoint.class);
  }

  /** The executor type's own progress. */
  public sealed interface Progress {}

  /**
   * {@link PositionExecutor}: the open and exit legs, the orders it tracks, the trailing stop's trigger (NaN while
   * not activated).
   */
  public record PositionProgress(
      String openOrderId, double entryPriceConfigured, double openBase, double openQuote, boolean openDone,
      String takeProfitOrderId, String closeOrderId, double exitBase, double exitQuote, double markPrice,
      double trailingTrigger) implements Progress {}

  /**
   * {@link DCAExecutor}: per level its order id (null when none rests) and whether it is done; levels placed and
   * filled; both legs; the trailing trigger.
   */
  public record DcaProgress(
      List<String> levelOrderIds, List<Boolean> levelDone, int placed, int filledLevels, double openBase,
      double openQuote, double exitBase, double exitQuote, String closeOrderId, double markPrice,
      double trailingTrigger) implements Progress {
    public DcaProgress {
      levelOrderIds = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(levelOrderIds));
      levelDone = List.copyOf(levelDone);
    }
  }

  /**
   * {@link GridExecutor}: the levels generated at start (prices, per-level take profit and quote) and each level's
   * state and legs, the realized round trips, the shutdown close, the trailing trigger.
   */
  public record GridProgress(
      List<Double> levelPrices, double takeProfit, double quotePerLevel, List<GridLevel> levels, long lastBatchAt,
      double realizedBuyQuote, double realizedSellQuote, double realizedBuyBase, double realizedSellBase,
      double realizedFees, String shutdownOrderId, double shutdownBase, double mid, double trailingTrigger)
      implements Progress {
    public GridProgress {
      levelPrices = List.copyOf(levelPrices);
      levels = List.copyOf(levels);
    }
  }

  /** One grid level: {@code state} is NOT_ACTIVE, OPEN_PLACED, OPEN_FILLED or CLOSE_PLACED. */
  public record GridLevel(
      String state, String openOrderId, String closeOrderId, double openBase, double openQuote, double openFees,
      double closeBase, double closeQuote, double closeFees) {}

  /** {@link TwapExecutor}: the resting slice, slices done, what executed, the mid its PnL is marked at. */
  public record TwapProgress(
      String orderId, int ordersDone, long orderPlacedAt, double orderAmount, double orderFilled, double executedBase,
      double executedQuote, double mid) implements Progress {}

  /**
   * {@link ArbitrageExecutor}: per leg its order in flight, whether it must be sent again, whether it completed and
   * what it filled; the last prices and profitability it computed.
   */
  public record ArbitrageProgress(
      String buyOrderId, boolean buyDue, boolean buyComplete, double buyBase, double buyQuote, String sellOrderId,
      boolean sellDue, boolean sellComplete, double sellBase, double sellQuote, double lastBuyPrice,
      double lastSellPrice, double txCostPct, double profitability) implements Progress {}

  /**
   * {@link XEMMExecutor}: the resting maker order and its price, the taker order, what each leg filled, whether the
   * hedge must be sent (again), and the last taker price, cost and profitability it computed.
   */
  public record XemmProgress(
      String makerOrderId, double makerPrice, double makerBase, double makerQuote, String takerOrderId,
      boolean takerDue, boolean takerComplete, double takerBase, double takerQuote, double takerPrice,
      double txCostPct, double tradeProfitability) implements Progress {}

  /** {@link OrderExecutor}: the resting order and its price, what executed. */
  public record OrderProgress(String orderId, double orderPrice, double executedBase, double executedQuote)
      implements Progress {}
}
