package io.aviary.strategy.executor;

import io.aviary.strategy.market.MarketView;
import java.util.HashSet;
import java.util.Set;

/**
 * Hummingbot's {@code XEMMExecutor} (cross-exchange market making). Every step while RUNNING it prices
 * {@code order_amount} on the taker market ({@link MarketView#priceForVolume}: the asks when the hedge buys, the
 * bids when it sells), takes {@code tx_cost_pct} = maker fee rate + taker fee rate, and derives the maker target
 * price {@code taker/(1 − target − tx_cost_pct)} for a SELL maker or {@code taker/(1 + target + tx_cost_pct)} for a
 * BUY maker. Without a resting maker order it places a LIMIT there; with one it computes the order's
 * profitability against the taker price now ({@code (taker − maker)/maker} for a BUY maker,
 * {@code (maker − taker)/maker} for a SELL maker) and cancels it when that minus {@code tx_cost_pct} leaves
 * {@code [min_profitability, max_profitability]}; the next step places a fresh one at the new target.
 *
 * <p>When the maker leg has filled {@code order_amount} (its order completes) the hedge goes out: a MARKET order on
 * the taker market for what the maker leg filled; SHUTTING_DOWN until it completes → {@link CloseType#COMPLETED}.
 * A failed hedge is sent again on the next step, a failed maker order re-placed, until more than
 * {@link #MAX_RETRIES} failures → {@link CloseType#FAILED}. A maker order cancelled after a partial fill keeps that
 * fill: the next maker order is for what is still missing (Hummingbot loses track of it).
 *
 * <p>Stopped: the maker order is cancelled; nothing filled → EARLY_STOP; a partial maker fill with
 * {@code keep_position} → POSITION_HOLD (the fill goes to the hold), without → it is hedged first (EARLY_STOP once
 * the hedge completed). A stop while the hedge is in flight waits for it.
 *
 * <p>PnL as Hummingbot once terminated with the hedge complete: {@code sell_quote − buy_quote − fees} (Hummingbot
 * writes {@code taker − maker}, which has the wrong sign for a SELL maker), else 0. Deviations (ADR "arbitrage and
 * XEMM executors"): {@code net_pnl_pct} over the maker leg's quote notional (Hummingbot: over {@code order_amount}
 * in base) and {@code filled_amount_quote} = both legs' notional (Hummingbot: 0).
 */
public final class XEMMExecutor extends AbstractExecutor {
  private static final double DUST = 1e-9;

  private final XEMMExecutorConfig config;
  private final TradeType takerSide;
  private final RestingOrder maker = new RestingOrder();
  private final RestingOrder taker = new RestingOrder();
  private final Set<String> makerIds = new HashSet<>();
  private final Set<String> takerIds = new HashSet<>();
  private final Fills makerFilled = new Fills();
  private final Fills takerFilled = new Fills();
  private double makerPrice = Double.NaN;
  private boolean takerDue;
  private boolean takerComplete;
  private double takerPrice = Double.NaN;
  private double txCostPct;
  private double tradeProfitability;

  public XEMMExecutor(String id, XEMMExecutorConfig config, OrderGateway gateway) {
    super(id, config, gateway);
    this.config = config;
    this.takerSide = config.makerSide().opposite();
  }

  @Override
  public void start(MarketView market) {
    if (begin(market)) {
      step(market);
    }
  }

  @Override
  public void step(MarketView market) {
    lastNow = Math.max(lastNow, market.now());
    if (state == ExecutorState.RUNNING) {
      if (updatePrices(market)) {
        controlMakerOrder();
      }
    } else if (state == ExecutorState.SHUTTING_DOWN && takerDue) {
      sendHedge();
    }
  }

  /** Taker price and costs now; false when the taker market has no price this step. */
  private boolean updatePrices(MarketView market) {
    MarketView makerView = view(market, config.makerMarket());
    MarketView takerView = view(market, config.takerMarket());
    double price = takerView.priceForVolume(takerSide == TradeType.BUY, config.orderAmount());
    if (!(price > 0)) {
      return false;
    }
    takerPrice = price;
    txCostPct = makerView.feeRate(true) + takerView.feeRate(false);
    return true;
  }

  /** Hummingbot's {@code _maker_target_price}. */
  public double makerTargetPrice() {
    double target = config.targetProfitability() + txCostPct;
    return config.makerSide() == TradeType.SELL ? takerPrice / (1 - target) : takerPrice / (1 + target);
  }

  private void controlMakerOrder() {
    if (!maker.isLive()) {
      makerPrice = makerTargetPrice();
      maker.id = place(XEMMExecutorConfig.MAKER_ROLE, -1, request(config.makerMarket(), config.makerSide(),
          OrderType.LIMIT, config.orderAmount() - makerFilled.base, makerPrice));
      makerIds.add(maker.id);
      return;
    }
    tradeProfitability = config.makerSide() == TradeType.BUY
        ? (takerPrice - makerPrice) / makerPrice
        : (makerPrice - takerPrice) / makerPrice;
    double net = tradeProfitability - txCostPct;
    if (net < config.minProfitability() || net > config.maxProfitability()) {
      cancel(maker); // re-placed at the new target on the next step
    }
  }

  private void sendHedge() {
    takerDue = false;
    taker.id = place(XEMMExecutorConfig.TAKER_ROLE, -1, request(config.takerMarket(), takerSide, OrderType.MARKET,
        makerFilled.base - takerFilled.base, Double.NaN));
    takerIds.add(taker.id);
  }

  /** The maker leg is filled (or stopped with a partial fill): the hedge goes out, closing as {@code type}. */
  private void hedge(CloseType type) {
    shutDown(type);
    sendHedge();
  }

  @Override
  public void earlyStop(MarketView market, boolean keepPosition) {
    if (earlyStopWithoutOrders(market)) {
      return; // a hedge in flight completes on its own
    }
    cancel(maker);
    if (state == ExecutorState.TERMINATED) {
      return;
    }
    if (!makerFilled.any()) {
      terminate(CloseType.EARLY_STOP, market.now());
    } else if (keepPosition) {
      terminate(CloseType.POSITION_HOLD, market.now());
    } else {
      hedge(CloseType.EARLY_STOP);
    }
  }

  @Override
  public void onOrderFilled(OrderFill fill) {
    if (isRepeat(fill)) {
      return;
    }
    String id = fill.orderId();
    lastNow = Math.max(lastNow, fill.timestamp());
    if (makerIds.contains(id)) {
      makerFilled.add(fill);
      cumFees += fill.feeQuote();
      if (fill.completesOrder() && maker.is(id)) {
        maker.id = null;
        if (state == ExecutorState.RUNNING) {
          hedge(CloseType.COMPLETED);
        }
      }
    } else if (takerIds.contains(id)) {
      takerFilled.add(fill);
      cumFees += fill.feeQuote();
      if (fill.completesOrder() && taker.is(id)) {
        taker.id = null;
        hedgeEnded();
      }
    }
  }

  @Override
  public void onOrderCancelled(String orderId) {
    if (endedBefore(orderId, CheckpointOrder.Status.CANCELLED)) {
      return;
    }
    // a maker order cancelled (by this executor on drift, or by the venue) is simply re-placed; a hedge the venue
    // cancelled short of its amount counts as a failure like a rejected one
    if (taker.is(orderId) && makerFilled.base - takerFilled.base > config.orderAmount() * DUST
        && retriesExhausted()) {
      taker.id = null;
      terminate(CloseType.FAILED, lastNow);
      return;
    }
    ended(orderId);
  }

  @Override
  public void onOrderFailed(String orderId) {
    if (endedBefore(orderId, CheckpointOrder.Status.FAILED)) {
      return;
    }
    if ((maker.is(orderId) || taker.is(orderId)) && retriesExhausted()) {
      maker.forget(orderId);
      taker.forget(orderId);
      terminate(CloseType.FAILED, lastNow);
      return;
    }
    ended(orderId);
  }

  /** A maker order ended: the next step places another. A hedge ended: see {@link #hedgeEnded}. */
  private void ended(String orderId) {
    maker.forget(orderId);
    if (taker.is(orderId)) {
      taker.id = null;
      hedgeEnded();
    }
  }

  /**
   * The hedge in flight ended: done when it covers what the maker leg filled; otherwise what is left unhedged (it
   * ended short, or a cancelled maker order's last fill arrived after the hedge went out) is sent on the next step.
   */
  private void hedgeEnded() {
    takerDue = makerFilled.base - takerFilled.base > config.orderAmount() * DUST;
    if (!takerDue && state == ExecutorState.SHUTTING_DOWN) {
      takerComplete = true;
      terminate(closeType, lastNow);
    }
  }

  @Override
  public void bookHeldFills(HeldFillSink sink) {
    makerFilled.bookHeld(sink, sign); // only the maker market is held: a hold happens before any hedge was sent
  }

  @Override
  ExecutorCheckpoint.Progress progress() {
    return new ExecutorCheckpoint.XemmProgress(maker.id, makerPrice, makerFilled.base, makerFilled.quote, taker.id,
        takerDue, takerComplete, takerFilled.base, takerFilled.quote, takerPrice, txCostPct, tradeProfitability);
  }

  @Override
  void restore(ExecutorCheckpoint.Progress progress) {
    ExecutorCheckpoint.XemmProgress p = (ExecutorCheckpoint.XemmProgress) progress;
    maker.id = p.makerOrderId();
    makerPrice = p.makerPrice();
    makerFilled.base = p.makerBase();
    makerFilled.quote = p.makerQuote();
    taker.id = p.takerOrderId();
    takerDue = p.takerDue();
    takerComplete = p.takerComplete();
    takerFilled.base = p.takerBase();
    takerFilled.quote = p.takerQuote();
    takerPrice = p.takerPrice();
    txCostPct = p.txCostPct();
    tradeProfitability = p.tradeProfitability();
    // a resumed executor learns old orders' fills by role: every order it journaled is one of its two legs
    for (CheckpointOrder order : restoredOrders()) {
      (XEMMExecutorConfig.TAKER_ROLE.equals(order.role()) ? takerIds : makerIds).add(order.clientOrderId());
    }
  }

  /** Hummingbot's {@code taker_price}. */
  public double takerPrice() {
    return takerPrice;
  }

  /** Hummingbot's {@code tx_cost_pct}. */
  public double txCostPct() {
    return txCostPct;
  }

  /** Hummingbot's {@code trade_profitability} of the resting maker order (before costs). */
  public double tradeProfitability() {
    return tradeProfitability;
  }

  /** The resting maker order's price, NaN before the first. */
  public double makerPrice() {
    return makerPrice;
  }

  @Override
  public XEMMExecutorConfig config() {
    return config;
  }

  @Override
  public boolean isTrading() {
    return isStepping() && makerFilled.any();
  }

  @Override
  public double netPnlQuote() {
    if (state != ExecutorState.TERMINATED || !takerComplete) {
      return 0;
    }
    Fills bought = config.makerSide() == TradeType.BUY ? makerFilled : takerFilled;
    Fills sold = config.makerSide() == TradeType.BUY ? takerFilled : makerFilled;
    return sold.quote - bought.quote - cumFees;
  }

  @Override
  public double netPnlPct() {
    return makerFilled.quote > EPS ? netPnlQuote() / makerFilled.quote : 0;
  }

  @Override
  public double filledAmountQuote() {
    return makerFilled.quote + takerFilled.quote;
  }
}
