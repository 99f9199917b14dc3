package io.aviary.bot.db;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Hummingbot's {@code SqliteDecimal(6)} column type: a Decimal stored as the BIGINT {@code int(Decimal(v) * 10**6)}
 * and read back as {@code Decimal(stored) / 10**6}.
 */
public final class SqliteDecimal {

  private static final int SCALE = 6;
  /** Python's default decimal context: the product is rounded to 28 significant digits before {@code int()}. */
  private static final MathContext PYTHON_CONTEXT = new MathContext(28, RoundingMode.HALF_EVEN);

  private SqliteDecimal() {
  }

  /** {@code int(Decimal(value) * 10**6)}: truncated toward zero, e.g. 94012.123456789 → 94012123456. */
  public static long encode(BigDecimal value) {
    return value.movePointRight(SCALE).round(PYTHON_CONTEXT).setScale(0, RoundingMode.DOWN).longValueExact();
  }

  /**
   * {@code Decimal(stored) / 10**6}: Python keeps the quotient's exponent as close to 0 as the exact value allows, so
   * 94012000000 reads as {@code 94012} and 1000 as {@code 0.001}.
   */
  public static BigDecimal decode(long stored) {
    BigDecimal value = BigDecimal.valueOf(stored, SCALE).stripTrailingZeros();
    return value.scale() < 0 ? value.setScale(0) : value;
  }
}
