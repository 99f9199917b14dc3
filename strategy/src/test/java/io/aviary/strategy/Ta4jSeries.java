package io.aviary.strategy;

import io.aviary.strategy.market.Candles;
import java.time.Duration;
import java.time.Instant;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;

/** Candles as a ta4j DoubleNum series (the oracle / baseline side only). */
public final class Ta4jSeries {
  private Ta4jSeries() {}

  public static BarSeries of(Candles c) {
    BarSeries series = new BaseBarSeriesBuilder().withNumFactory(DoubleNumFactory.getInstance()).build();
    Duration period = Duration.ofSeconds(c.intervalSeconds());
    for (int i = 0; i < c.size(); i++) {
      series.barBuilder().timePeriod(period).endTime(Instant.ofEpochSecond(c.closeTime(i)))
          .openPrice(c.open()[i]).highPrice(c.high()[i]).lowPrice(c.low()[i]).closePrice(c.close()[i])
          .volume(c.volume()[i]).add();
    }
    return series;
  }

  public static double[] values(Indicator<Num> indicator, int size) {
    double[] out = new double[size];
    for (int i = 0; i < size; i++) {
      Num v = indicator.getValue(i);
      out[i] = Num.isNaNOrNull(v) ? Double.NaN : v.doubleValue();
    }
    return out;
  }
}
