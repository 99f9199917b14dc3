package io.aviary.strategy.executor;

/**
 * Hummingbot's position hold for one market (hummingbot-internals §3.4, §4.2): the fills of executors that ended
 * in POSITION_HOLD, netted average-cost style. Reducing fills realize {@code (price − avg_entry) · matched} for a
 * long ({@code (avg_entry − price) · matched} short); adding fills re-average the entry; a flip restarts the
 * average at the fill price. Unrealized PnL is marked at a given price. Fees are tracked, not deducted (as
 * Hummingbot's hold does). Unlike Hummingbot's backtester, which books one order of {@code filled_amount_quote /
 * entry_price} per executor, the executor's real open and close fills are booked. Funding (perpetuals) counts as
 * realized: what the executors had received or paid before they handed their position over, and what the held
 * position itself receives or pays afterwards.
 *
 * <p>A hold can also start from what the controller already held: its {@code initial_positions}
 * ({@link #openAt}, booked at the mid at start, as Hummingbot's orchestrator does) or the hold a previous run of a
 * bot stored at its stop ({@link #restore}).
 */
public final class PositionHoldLedger implements HeldFillSink, PositionHeld {
  private double netBase;
  private double averageEntry;
  private double realized;
  private double funding;
  private double cumFees;
  private double volumeQuote;
  private int executors;
  /** Opened from initial positions or restored from a stored hold (it exists without any executor). */
  private boolean takenOver;

  public void add(Executor executor) {
    executors++;
    cumFees += executor.cumFeesQuote();
    funding += executor.cumFundingQuote();
    executor.bookHeldFills(this);
  }

  @Override
  public void book(int sign, double amount, double price) {
    if (!(amount > 0)) {
      return;
    }
    volumeQuote += amount * price;
    net(sign, amount, price);
  }

  /**
   * Hummingbot's initial position: {@code netBase} (signed) already held, booked at {@code price} (the mid at
   * start) as its entry, without fees or traded volume; from then on it counts in PnL like any held base
   * (unrealized 0 at start).
   */
  public void openAt(double netBase, double price) {
    takenOver = true;
    net(netBase < 0 ? -1 : 1, Math.abs(netBase), price);
  }

  /**
   * The hold a previous run stored (Hummingbot's {@code Position} row reloaded at restart): the figures as they were.
   *
   * @param netBase signed
   * @param realized trading PnL realized so far (funding included)
   * @throws IllegalStateException when this hold has already booked something
   */
  public void restore(double netBase, double averageEntry, double realized, double cumFees, double volumeQuote) {
    if (!isEmpty()) {
      throw new IllegalStateException("a hold is restored before it books anything");
    }
    takenOver = true;
    this.netBase = netBase;
    this.averageEntry = netBase == 0 ? 0 : averageEntry;
    this.realized = realized;
    this.cumFees = cumFees;
    this.volumeQuote = volumeQuote;
  }

  /** Nothing held and nothing booked: no executor handed fills over, no initial or stored position. */
  public boolean isEmpty() {
    return executors == 0 && !takenOver;
  }

  private void net(int sign, double amount, double price) {
    if (!(amount > 0)) {
      return;
    }
    if (netBase == 0 || Math.signum(netBase) == sign) {
      double held = Math.abs(netBase);
      averageEntry = (averageEntry * held + price * amount) / (held + amount);
      netBase += sign * amount;
      return;
    }
    double matched = Math.min(amount, Math.abs(netBase));
    realized += (price - averageEntry) * matched * Math.signum(netBase);
    netBase += sign * amount;
    if (Math.abs(netBase) < 1e-12) {
      netBase = 0;
    }
    if (amount > matched) {
      averageEntry = price;
    } else if (netBase == 0) {
      averageEntry = 0;
    }
  }

  /** A funding payment on the held position (quote; + received, − paid). */
  public void bookFunding(double quote) {
    funding += quote;
  }

  public double funding() {
    return funding;
  }

  @Override
  public double netBase() {
    return netBase;
  }

  /** Average entry price of the net position, 0 when flat (Hummingbot's {@code breakeven_price}). */
  public double averageEntry() {
    return averageEntry;
  }

  /** Trading PnL realized by reducing fills, plus funding. */
  public double realized() {
    return realized + funding;
  }

  public double unrealized(double price) {
    return netBase == 0 ? 0 : (price - averageEntry) * netBase;
  }

  public double cumFees() {
    return cumFees;
  }

  public double volumeQuote() {
    return volumeQuote;
  }

  public int executors() {
    return executors;
  }
}
