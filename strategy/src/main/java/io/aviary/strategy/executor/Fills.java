package io.aviary.strategy.executor;

/** One leg's fills summed: base amount and quote notional {@code Σ amount·price}. Mutable, allocation-free. */
final class Fills {
  double base;
  double quote;

  void add(OrderFill fill) {
    base += fill.amount();
    quote += fill.amount() * fill.price();
  }

  boolean any() {
    return base > AbstractExecutor.EPS;
  }

  /** Average fill price, NaN before any fill. */
  double averageOrNaN() {
    return any() ? quote / base : Double.NaN;
  }

  /** Hands the leg to a position hold as one fill of {@code sign}, if anything filled. */
  void bookHeld(HeldFillSink sink, int sign) {
    if (any()) {
      sink.book(sign, base, quote / base);
    }
  }
}
