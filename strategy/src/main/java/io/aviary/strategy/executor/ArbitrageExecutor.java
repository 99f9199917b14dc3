package io.aviary.strategy.executor;

import io.aviary.strategy.market.MarketView;

/**
 * Hummingbot's {@code ArbitrageExecutor}: every step, while RUNNING, it prices {@code order_amount} on both markets
 * (buy on the buying market's asks, sell on the selling market's bids, {@link MarketView#priceForVolume}) and
 * computes {@code profitability = (sell − buy)/buy − tx_cost_pct}, where {@code tx_cost_pct} is the two taker fee
 * rates (Hummingbot's fees in base divided by {@code order_amount}). Above {@code min_profitability} it sends both
 * legs as MARKET orders at once and goes SHUTTING_DOWN; when both legs filled completely →
 * {@link CloseType#COMPLETED}. A leg that fails (or that the venue cancels short of its amount) is sent again for
 * what it still lacks on the next step, until more than {@link #MAX_RETRIES} failures → {@link CloseType#FAILED}.
 * Stopped before it traded: EARLY_STOP; once its legs are in flight a stop waits for them (they are market orders).
 *
 * <p>PnL as Hummingbot: {@code net_pnl_quote = sell_quote − buy_quote − fees} once COMPLETED, else 0;
 * {@code cum_fees_quote} = both legs' fees. Deviations (ADR "arbitrage and XEMM executors"): {@code net_pnl_pct} is
 * the net PnL over the buy leg's quote notional (Hummingbot divides by its base amount), and
 * {@code filled_amount_quote} is both legs' notional (Hummingbot reports 0, which hid their volume from reports).
 */
public final class ArbitrageExecutor extends AbstractExecutor {
  private final ArbitrageExecutorConfig config;
  private final Leg buy = new Leg(ArbitrageExecutorConfig.BUY_ROLE, TradeType.BUY);
  private final Leg sell = new Leg(ArbitrageExecutorConfig.SELL_ROLE, TradeType.SELL);
  private double lastBuyPrice = Double.NaN;
  private double lastSellPrice = Double.NaN;
  private double txCostPct;
  private double profitability;

  /** One leg: its order in flight, its fills, and whether it must be sent (again). */
  private final class Leg {
    final String role;
    final TradeType side;
    final RestingOrder order = new RestingOrder();
    final Fills filled = new Fills();
    /** Its order must be sent (again) on the next step. */
    boolean due;
    /** Its last order filled completely: the leg is done. */
    boolean complete;

    Leg(String role, TradeType side) {
      this.role = role;
      this.side = side;
    }

    ConnectorPair market() {
      return config.marketOf(role);
    }

    double missing() {
      return config.orderAmount() - filled.base;
    }


    void send() {
      due = false;
      order.id = place(role, -1, request(market(), side, OrderType.MARKET, missing(), Double.NaN));
    }

    /** The venue ended the order short of the leg's amount: sent again on the next step, within the retries. */
    void ended(String orderId) {
      if (!order.is(orderId)) {
        return;
      }
      order.id = null;
      if (missing() > config.orderAmount() * 1e-9) {
        if (retriesExhausted()) {
          terminate(CloseType.FAILED, lastNow);
        } else {
          due = true;
        }
      }
    }
  }

  public ArbitrageExecutor(String id, ArbitrageExecutorConfig config, OrderGateway gateway) {
    super(id, config, gateway);
    this.config = config;
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
      evaluate(market);
    } else if (state == ExecutorState.SHUTTING_DOWN) {
      for (Leg leg : new Leg[] {buy, sell}) {
        if (leg.due) {
          leg.send();
        }
      }
    }
  }

  private void evaluate(MarketView market) {
    MarketView buying = view(market, config.buyingMarket());
    MarketView selling = view(market, config.sellingMarket());
    double buyPrice = buying.priceForVolume(true, config.orderAmount());
    double sellPrice = selling.priceForVolume(false, config.orderAmount());
    if (!(buyPrice > 0) || !(sellPrice > 0)) {
      return; // a market without a price this step: nothing is compared
    }
    lastBuyPrice = buyPrice;
    lastSellPrice = sellPrice;
    txCostPct = buying.feeRate(false) + selling.feeRate(false);
    profitability = (sellPrice - buyPrice) / buyPrice - txCostPct;
    if (profitability > config.minProfitability()) {
      state = ExecutorState.SHUTTING_DOWN;
      buy.send();
      sell.send();
    }
  }

  @Override
  public void earlyStop(MarketView market, boolean keepPosition) {
    if (earlyStopWithoutOrders(market)) {
      return; // legs in flight (SHUTTING_DOWN) complete on their own
    }
    terminate(CloseType.EARLY_STOP, market.now()); // RUNNING: nothing was traded yet
  }

  @Override
  public void onOrderFilled(OrderFill fill) {
    if (isRepeat(fill)) {
      return;
    }
    Leg leg = buy.order.is(fill.orderId()) ? buy : sell.order.is(fill.orderId()) ? sell : null;
    if (leg == null) {
      return;
    }
    leg.filled.add(fill);
    cumFees += fill.feeQuote();
    lastNow = Math.max(lastNow, fill.timestamp());
    if (fill.completesOrder()) {
      leg.order.id = null;
      leg.complete = true;
    }
    if (state == ExecutorState.SHUTTING_DOWN && buy.complete && sell.complete) {
      terminate(CloseType.COMPLETED, lastNow);
    }
  }

  @Override
  public void onOrderCancelled(String orderId) {
    if (!endedBefore(orderId, CheckpointOrder.Status.CANCELLED)) {
      buy.ended(orderId);
      sell.ended(orderId);
    }
  }

  @Override
  public void onOrderFailed(String orderId) {
    if (!endedBefore(orderId, CheckpointOrder.Status.FAILED)) {
      buy.ended(orderId);
      sell.ended(orderId);
    }
  }

  @Override
  ExecutorCheckpoint.Progress progress() {
    return new ExecutorCheckpoint.ArbitrageProgress(buy.order.id, buy.due, buy.complete, buy.filled.base,
        buy.filled.quote, sell.order.id, sell.due, sell.complete, sell.filled.base, sell.filled.quote, lastBuyPrice, lastSellPrice, txCostPct,
        profitability);
  }

  @Override
  void restore(ExecutorCheckpoint.Progress progress) {
    ExecutorCheckpoint.ArbitrageProgress p = (ExecutorCheckpoint.ArbitrageProgress) progress;
    buy.order.id = p.buyOrderId();
    buy.due = p.buyDue();
    buy.complete = p.buyComplete();
    buy.filled.base = p.buyBase();
    buy.filled.quote = p.buyQuote();
    sell.order.id = p.sellOrderId();
    sell.due = p.sellDue();
    sell.complete = p.sellComplete();
    sell.filled.base = p.sellBase();
    sell.filled.quote = p.sellQuote();
    lastBuyPrice = p.lastBuyPrice();
    lastSellPrice = p.lastSellPrice();
    txCostPct = p.txCostPct();
    profitability = p.profitability();
  }

  /** Hummingbot's {@code profit_pct}: the last computed profitability net of fees. */
  public double profitability() {
    return profitability;
  }

  /** Hummingbot's {@code tx_cost_pct}. */
  public double txCostPct() {
    return txCostPct;
  }

  public double lastBuyPrice() {
    return lastBuyPrice;
  }

  public double lastSellPrice() {
    return lastSellPrice;
  }

  @Override
  public ArbitrageExecutorConfig config() {
    return config;
  }

  @Override
  public boolean isTrading() {
    return state == ExecutorState.SHUTTING_DOWN && (buy.filled.any() || sell.filled.any());
  }

  @Override
  public double netPnlQuote() {
    return closeType == CloseType.COMPLETED ? sell.filled.quote - buy.filled.quote - cumFees : 0;
  }

  @Override
  public double netPnlPct() {
    return buy.filled.quote > EPS ? netPnlQuote() / buy.filled.quote : 0;
  }

  @Override
  public double filledAmountQuote() {
    return buy.filled.quote + sell.filled.quote;
  }
}
