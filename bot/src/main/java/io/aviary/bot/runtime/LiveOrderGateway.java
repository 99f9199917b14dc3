package io.aviary.bot.runtime;

import io.aviary.execution.Fees;
import io.aviary.execution.HummingbotOrderIds;
import io.aviary.bot.events.BotEvent;
import io.aviary.bot.events.BotEventListener;
import io.aviary.bot.events.OrderCancelled;
import io.aviary.bot.events.OrderFailed;
import io.aviary.bot.events.UnfinishedOrder;
import io.aviary.connectors.model.Fill;
import io.aviary.connectors.model.OrderState;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.OrderUpdate;
import io.aviary.connectors.model.PositionAction;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.model.TradingRule;
import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.connectors.port.Subscription;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.port.UserStreamListener;
import io.aviary.connectors.port.VenueException;
import io.aviary.strategy.executor.ExecutorInfo;
import io.aviary.strategy.executor.OrderExecutorConfig;
import io.aviary.strategy.executor.OrderFill;
import io.aviary.strategy.executor.OrderGateway;
import io.aviary.strategy.executor.OrderListener;
import io.aviary.strategy.executor.OrderRequest;
import io.aviary.strategy.executor.PositionExecutorConfig;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Strategy's {@link OrderGateway} on one live {@link TradingConnector} session: the executors of every controller
 * trading on this connector place and cancel through it.
 *
 * <p>Threading: {@link #placeOrder}/{@link #cancelOrder} run on the bot's strategy thread (inside an executor's
 * step). What the venue answers — the placement's own answer, user-stream updates and fills, which arrive on the
 * connector's threads — is queued and applied by {@link #processInbox()} on the strategy thread, so an executor's
 * {@link OrderListener} is never called from a connector thread nor re-entrantly from inside a placement.
 *
 * <p>Outages: a placement or cancel that fails because the venue is unreachable (or answers something unreadable),
 * or a user-stream disconnect, pauses the session: the runtime stops stepping its executors (no new orders) and
 * calls {@link #tryResume()} each tick, which reconciles every order it tracks by client order id (status and fills
 * from the venue). An order whose placement answer was lost is therefore found, not placed again; one the venue
 * never saw fails, and only then may its executor place another.
 */
public final class LiveOrderGateway implements OrderGateway, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LiveOrderGateway.class);
  /** Executors compute in doubles; 12 significant digits drop the binary noise (99.49999999999999) before rounding. */
  private static final MathContext FROM_DOUBLE = new MathContext(12);
  private static final int MAX_ERROR_TEXT = 200;

  /** What the venue told us, queued for the strategy thread. */
  private sealed interface Message {
    record Update(OrderUpdate update) implements Message {}

    record Trade(Fill fill) implements Message {}

    record Failure(String orderId, String reason, String type) implements Message {}

    record Recheck(String orderId) implements Message {}

    record Disconnected(String cause) implements Message {}
  }

  /** The listener of an adopted order: no executor waits for it, its events still reach the database and MQTT. */
  private static final OrderListener NO_EXECUTOR = new OrderListener() {
    @Override
    public void onOrderFilled(OrderFill fill) {
    }

    @Override
    public void onOrderCancelled(String orderId) {
    }

    @Override
    public void onOrderFailed(String orderId) {
    }
  };

  private final String connectorName;
  private final TradingConnector trading;
  private final MarketDataConnector marketData;
  private final HummingbotOrderIds ids;
  private final BotEventListener events;
  private final Clock clock;
  private final Runnable wakeUp;
  private final boolean perpetual;
  private final ConcurrentLinkedQueue<Message> inbox = new ConcurrentLinkedQueue<>();
  private final Map<String, TrackedOrder> open = new LinkedHashMap<>();
  private final Map<TradingPair, TradingRule> rules = new HashMap<>();
  private volatile BalanceLimits limits = new BalanceLimits();
  private Subscription userStream;
  private volatile boolean paused;
  private volatile String pauseReason;

  /**
   * @param events receives the order events on the strategy thread, in order
   * @param wakeUp called (from any thread) when something was queued, so the runtime applies it before its next tick
   */
  public LiveOrderGateway(String connectorName, TradingConnector trading, MarketDataConnector marketData,
      HummingbotOrderIds ids, BotEventListener events, Clock clock, Runnable wakeUp) {
    this.connectorName = connectorName;
    this.trading = trading;
    this.marketData = marketData;
    this.ids = ids;
    this.events = events;
    this.clock = clock;
    this.wakeUp = wakeUp;
    this.perpetual = connectorName.contains("perpetual");
  }

  public String connectorName() {
    return connectorName;
  }

  /** Subscribes the user stream; its messages are queued for {@link #processInbox()}. */
  public void start() {
    userStream = trading.subscribeUserStream(new UserStreamListener() {
      @Override
      public void onOrderUpdate(OrderUpdate update) {
        enqueue(new Message.Update(update));
      }

      @Override
      public void onFill(Fill fill) {
        enqueue(new Message.Trade(fill));
      }

      @Override
      public void onDisconnect(Throwable cause) {
        enqueue(new Message.Disconnected(cause == null ? "closed" : cause.getClass().getSimpleName()));
      }
    });
  }

  private void enqueue(Message message) {
    inbox.add(message);
    wakeUp.run();
  }

  @Override
  public String placeOrder(OrderRequest request, OrderListener listener) {
    TradingPair pair = TradingPair.parse(request.tradingPair());
    TradeType side = TradeType.valueOf(request.side().name());
    String id = ids.next(side, pair);
    OrderType type = OrderType.valueOf(request.orderType().name());
    io.aviary.connectors.model.OrderRequest venueRequest;
    try {
      TradingRule rule = rule(pair);
      BigDecimal amount = rule.quantizeAmount(decimal(request.amount()));
      BigDecimal price = type.isLimitType() ? rule.quantizePrice(decimal(request.price())) : null;
      Optional<TradingRule.Refusal> refusal = rule.refusal(amount, price, () -> null);
      if (refusal.isPresent()) {
        return failedBeforeSending(id, request, listener, "order refused by the trading rules: " + refusal.get());
      }
      Optional<String> overLimit = overBalanceLimit(pair, side, amount, price != null ? price : referencePrice(request));
      if (overLimit.isPresent()) {
        return failedBeforeSending(id, request, listener, overLimit.get());
      }
      PositionAction action = perpetual ? PositionAction.valueOf(request.positionAction().name()) : PositionAction.NIL;
      venueRequest = new io.aviary.connectors.model.OrderRequest(id, pair, side, type, amount, price, action);
    } catch (VenueException e) {
      pause("trading rules unavailable: " + e.getMessage());
      return failedBeforeSending(id, request, listener, "trading rules unavailable");
    } catch (IllegalArgumentException e) {
      return failedBeforeSending(id, request, listener, e.getMessage());
    }
    TrackedOrder order = new TrackedOrder(venueRequest, listener, controllerOf(listener), leverageOf(listener),
        clock.millis());
    open.put(id, order);
    send(order);
    return id;
  }

  /** The limits {@code balance limit} sets; shared with the command handler. */
  void useBalanceLimits(BalanceLimits limits) {
    this.limits = limits;
  }

  /** Why sending this order would commit more of an asset than its balance limit allows (see {@link BalanceLimits}). */
  private Optional<String> overBalanceLimit(TradingPair pair, TradeType side, BigDecimal amount, BigDecimal price) {
    String asset = side == TradeType.BUY ? pair.quote() : pair.base();
    Optional<BigDecimal> limit = limits.limit(connectorName, asset);
    if (limit.isEmpty()) {
      return Optional.empty();
    }
    if (side == TradeType.BUY && price == null) {
      return Optional.of("a market buy without a known price cannot be checked against the " + asset
          + " balance limit");
    }
    BigDecimal committed = side == TradeType.BUY ? amount.multiply(price) : amount;
    for (TrackedOrder o : open.values()) {
      if (o.done || o.request.side() != side || !spentAsset(o.request).equals(asset)) {
        continue;
      }
      BigDecimal remaining = o.request.amount().subtract(o.executedBase).max(BigDecimal.ZERO);
      BigDecimal orderPrice = o.request.price();
      committed = committed.add(side == TradeType.BUY
          ? remaining.multiply(orderPrice != null ? orderPrice : price) : remaining);
    }
    if (committed.compareTo(limit.get()) > 0) {
      return Optional.of("balance limit of " + limit.get().toPlainString() + " " + asset + " on " + connectorName
          + " reached: this order would commit " + committed.stripTrailingZeros().toPlainString());
    }
    return Optional.empty();
  }

  private static String spentAsset(io.aviary.connectors.model.OrderRequest request) {
    return request.side() == TradeType.BUY ? request.tradingPair().quote() : request.tradingPair().base();
  }

  /** A market order's reference: the executor's price when it gave one. */
  private static BigDecimal referencePrice(OrderRequest request) {
    return Double.isFinite(request.price()) && request.price() > 0 ? BigDecimal.valueOf(request.price()) : null;
  }

  private void send(TrackedOrder order) {
    try {
      inbox.add(new Message.Update(trading.placeOrder(order.request)));
    } catch (VenueException.Unavailable | VenueException.RateLimited | VenueException.Unexpected e) {
      // the order may or may not be on the venue: reconciliation by client order id decides, never a re-send
      pause("placing " + order.id() + " failed: " + e.getMessage());
    } catch (VenueException e) {
      inbox.add(new Message.Failure(order.id(), e.getMessage(), e.getClass().getSimpleName()));
    }
  }

  private String failedBeforeSending(String id, OrderRequest request, OrderListener listener, String reason) {
    TradingPair pair = TradingPair.parse(request.tradingPair());
    // tracked so the failure reaches the listener through the inbox like any other outcome
    OrderType type = OrderType.valueOf(request.orderType().name());
    io.aviary.connectors.model.OrderRequest placeholder = new io.aviary.connectors.model.OrderRequest(id, pair,
        TradeType.valueOf(request.side().name()), type, BigDecimal.ONE, type.isLimitType() ? BigDecimal.ONE : null,
        PositionAction.NIL);
    TrackedOrder order = new TrackedOrder(placeholder, listener, controllerOf(listener), 1, clock.millis());
    order.createdEmitted = true;
    open.put(id, order);
    inbox.add(new Message.Failure(id, reason, "OrderRefused"));
    return id;
  }

  @Override
  public void cancelOrder(String orderId) {
    TrackedOrder order = open.get(orderId);
    if (order == null || order.done) {
      return;
    }
    order.cancelRequested = true;
    if (paused) {
      return; // reconciliation cancels it once the venue is back
    }
    try {
      inbox.add(new Message.Update(trading.cancelOrder(order.request.tradingPair(), orderId)));
    } catch (VenueException.NotFound e) {
      inbox.add(new Message.Recheck(orderId)); // filled meanwhile, or never reached the venue: ask
    } catch (VenueException.Unavailable | VenueException.RateLimited | VenueException.Unexpected e) {
      pause("cancelling " + orderId + " failed: " + e.getMessage());
    } catch (VenueException e) {
      log.warn("{}: cancel of {} refused: {}", connectorName, orderId, e.getMessage());
      inbox.add(new Message.Recheck(orderId));
    }
  }

  /** Applies everything the venue told us since the last call; strategy thread only. */
  public void processInbox() {
    Message message;
    while ((message = inbox.poll()) != null) {
      try {
        switch (message) {
          case Message.Update u -> applyUpdate(u.update());
          case Message.Trade t -> applyFill(t.fill());
          case Message.Failure f -> fail(open.get(f.orderId()), f.reason(), f.type());
          case Message.Recheck r -> recheck(open.get(r.orderId()));
          case Message.Disconnected d -> pause("user stream disconnected (" + d.cause() + ")");
        }
      } catch (VenueException e) {
        pause(e.getMessage());
      }
    }
  }

  private void applyUpdate(OrderUpdate update) {
    TrackedOrder order = open.get(update.clientOrderId());
    if (order == null || order.done) {
      return; // not ours (another bot on this account) or already finished
    }
    order.confirmed = true;
    if (update.exchangeOrderId() != null) {
      order.exchangeOrderId = update.exchangeOrderId();
    }
    if (!order.createdEmitted && update.state() != OrderState.FAILED) {
      order.createdEmitted = true;
      emit(OrderEvents.created(order, connectorName, clock.millis()));
    }
    OrderState state = update.state();
    boolean fillsMissing = update.executedBase() != null && update.executedBase().compareTo(order.executedBase) > 0;
    if (fillsMissing && (state == OrderState.FILLED || state == OrderState.CANCELED)) {
      // the stream's fill may come later or never: read the order's fills now (duplicates are skipped by trade id)
      catchUpFills(order);
    }
    if (order.done) {
      return;
    }
    switch (state) {
      case CANCELED -> cancelled(order);
      case FAILED -> fail(order, update.reason() == null ? "rejected by the venue" : update.reason(), "OrderFailed");
      default -> { }
    }
  }

  private void catchUpFills(TrackedOrder order) {
    List<Fill> fills;
    try {
      fills = trading.orderFills(order.request.tradingPair(), order.id());
    } catch (VenueException.NotFound e) {
      return; // no fills to read
    }
    for (Fill fill : fills) {
      applyFill(fill);
    }
  }

  private void applyFill(Fill fill) {
    TrackedOrder order = open.get(fill.clientOrderId());
    if (order == null || order.done || !order.tradeIds.add(fill.tradeId())) {
      return;
    }
    order.confirmed = true;
    if (!order.createdEmitted) {
      order.createdEmitted = true;
      emit(OrderEvents.created(order, connectorName, clock.millis()));
    }
    order.executedBase = order.executedBase.add(fill.amount());
    order.executedQuote = order.executedQuote.add(fill.amount().multiply(fill.price()));
    BigDecimal feeInQuote = Fees.feeInQuote(fill, order.request.tradingPair());
    boolean completes = order.isFullyFilled();
    emit(OrderEvents.filled(order, fill, feeInQuote, connectorName, perpetual));
    if (completes) {
      finish(order);
      emit(OrderEvents.completed(order, connectorName, clock.millis()));
    }
    // the venue's trade id lets a resumed executor ignore a fill it already counted (ADR 0023)
    order.listener.onOrderFilled(new OrderFill(order.id(), fill.timestamp().getEpochSecond(),
        fill.price().doubleValue(), fill.amount().doubleValue(), feeInQuote.doubleValue(), completes,
        fill.tradeId()));
  }

  private void cancelled(TrackedOrder order) {
    finish(order);
    emit(new OrderCancelled(clock.millis(), order.id(), order.exchangeOrderId));
    order.listener.onOrderCancelled(order.id());
  }

  private void fail(TrackedOrder order, String reason, String type) {
    if (order == null || order.done) {
      return;
    }
    finish(order);
    emit(new OrderFailed(clock.millis(), order.id(), order.request.type(), bounded(reason), type));
    order.listener.onOrderFailed(order.id());
  }

  private void finish(TrackedOrder order) {
    order.done = true;
    open.remove(order.id());
  }

  /** Asks the venue about one order: its fills, then its state; one it does not know has ended. */
  private void recheck(TrackedOrder order) {
    if (order == null || order.done) {
      return;
    }
    TradingPair pair = order.request.tradingPair();
    OrderUpdate status;
    try {
      status = trading.orderStatus(pair, order.id());
    } catch (VenueException.NotFound e) {
      if (order.confirmed) {
        catchUpFills(order);
        if (!order.done) {
          cancelled(order);
        }
      } else {
        fail(order, "the venue has no order with this client id: it never reached the venue", "OrderNotFound");
      }
      return;
    }
    if (status.executedBase() != null && status.executedBase().compareTo(order.executedBase) > 0) {
      catchUpFills(order);
    }
    applyUpdate(status);
    if (!order.done && order.cancelRequested && status.state().isOpen()) {
      applyUpdate(trading.cancelOrder(pair, order.id()));
    }
  }

  /** The session is paused: executors must not be stepped (no new orders) until {@link #tryResume()} succeeds. */
  public boolean isPaused() {
    return paused;
  }

  public String pauseReason() {
    return pauseReason;
  }

  private void pause(String reason) {
    if (!paused) {
      log.warn("{}: venue unavailable, executors paused until reconciliation succeeds ({})", connectorName,
          bounded(reason));
    }
    pauseReason = bounded(reason);
    paused = true;
  }

  /**
   * Reconciles every tracked order with the venue by client order id (fills, state, pending cancels); resumes when
   * every call succeeded. Strategy thread only.
   *
   * @return true when the session is running again
   */
  public boolean tryResume() {
    try {
      reconcile();
    } catch (VenueException e) {
      pauseReason = bounded(e.getMessage());
      return false;
    }
    if (paused) {
      log.info("{}: venue reachable again, {} open order(s) reconciled; executors resume", connectorName,
          open.size());
    }
    paused = false;
    pauseReason = null;
    return true;
  }

  /** Re-reads every tracked order from the venue; throws the first {@link VenueException} (nothing is lost). */
  public void reconcile() {
    for (TrackedOrder order : new ArrayList<>(open.values())) {
      recheck(order);
    }
  }

  /**
   * Takes over orders a previous run of this bot left unfinished on this connector (it was killed, or stopped without
   * cancelling): they are tracked like the bot's own orders but belong to no executor. Each is reconciled with the
   * venue now (fills it got meanwhile are recorded once, an order the venue ended is finished) and, when
   * {@code cancel}, cancelled if still open; otherwise the next stop that cancels cancels it. A venue that does not
   * answer pauses the session, and reconciliation finishes the job once it is back. Call before the strategy thread
   * runs, or on it.
   */
  public void adopt(List<UnfinishedOrder> orders, boolean cancel) {
    for (UnfinishedOrder left : orders) {
      if (!left.connector().equals(connectorName) || open.containsKey(left.orderId())) {
        continue;
      }
      TradingPair pair = TradingPair.parse(left.tradingPair());
      TrackedOrder order = new TrackedOrder(new io.aviary.connectors.model.OrderRequest(left.orderId(), pair,
          left.tradeType(), left.orderType(), left.amount(), left.price(), left.position()), NO_EXECUTOR, null,
          left.leverage(), left.createdAtMs());
      order.exchangeOrderId = left.exchangeOrderId();
      order.tradeIds.addAll(left.recordedTradeIds());
      order.executedBase = left.recordedBase();
      order.executedQuote = left.recordedQuote();
      order.confirmed = true; // the venue accepted it in the previous run (its creation is recorded)
      order.createdEmitted = true;
      order.cancelRequested = cancel;
      open.put(order.id(), order);
    }
    try {
      reconcile();
    } catch (VenueException e) {
      pause("reconciling the orders a previous run left: " + e.getMessage());
    }
  }

  /** Open orders the bot placed (client order ids), oldest first. */
  public List<String> openOrderIds() {
    return List.copyOf(open.keySet());
  }

  /** Requests the cancellation of every open order this gateway placed (a stopping bot). */
  public void cancelAll() {
    for (String id : openOrderIds()) {
      cancelOrder(id);
    }
  }

  @Override
  public void close() {
    if (userStream != null) {
      userStream.close();
    }
  }

  private TradingRule rule(TradingPair pair) {
    TradingRule rule = rules.get(pair);
    if (rule == null) {
      rules.putAll(marketData.tradingRules());
      rule = rules.get(pair);
      if (rule == null) {
        throw new IllegalArgumentException(connectorName + " does not list " + pair);
      }
    }
    return rule;
  }

  private void emit(BotEvent event) {
    try {
      events.onEvent(event);
    } catch (RuntimeException e) {
      log.warn("{}: an event listener failed on {}: {}", connectorName, event.eventName(), e.toString());
    }
  }

  private static BigDecimal decimal(double value) {
    return new BigDecimal(Double.toString(value)).round(FROM_DOUBLE);
  }

  private static String controllerOf(OrderListener listener) {
    return listener instanceof ExecutorInfo info ? info.controllerId() : null;
  }

  private static int leverageOf(OrderListener listener) {
    if (listener instanceof ExecutorInfo info) {
      return switch (info.config()) {
        case PositionExecutorConfig p -> p.leverage();
        case OrderExecutorConfig o -> o.leverage();
        default -> 1;
      };
    }
    return 1;
  }

  private static String bounded(String text) {
    if (text == null) {
      return "";
    }
    return text.length() > MAX_ERROR_TEXT ? text.substring(0, MAX_ERROR_TEXT) + "…" : text;
  }
}
