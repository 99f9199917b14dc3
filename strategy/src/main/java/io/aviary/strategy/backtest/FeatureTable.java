package io.aviary.strategy.backtest;

import io.aviary.strategy.controller.Controller;
import io.aviary.strategy.market.Candles;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The features a controller decided on at each step of a backtest (Hummingbot's {@code processed_data["features"]}),
 * as primitive columns: row {@code i} is candle {@code i} of the run, keyed by its open time (Hummingbot's
 * {@code timestamp}), with the candle's {@code open, high, low, close, volume} and the controller's
 * {@link Controller#featureNames() features} as they stood after that candle closed (what the controller had when
 * it decided there; nothing from a later candle). Warm-up values are NaN here; a wire format that follows
 * Hummingbot's {@code fillna(0)} turns them into 0.
 */
public final class FeatureTable {
  /** The candle columns every table starts with, after {@code timestamp}. */
  public static final List<String> CANDLE_COLUMNS = List.of("open", "high", "low", "close", "volume");

  private final Candles candles;
  private final List<String> featureNames;
  private final double[][] features;
  private final double[] row;
  private int rows;

  FeatureTable(Candles candles, List<String> featureNames) {
    this.candles = candles;
    this.featureNames = List.copyOf(featureNames);
    this.features = new double[featureNames.size()][candles.size()];
    this.row = new double[featureNames.size()];
  }

  /** Records the controller's features at candle {@code i}; rows are recorded in order. */
  void record(int i, Controller controller) {
    if (row.length > 0) {
      controller.writeFeatures(row);
      for (int k = 0; k < row.length; k++) {
        features[k][i] = row[k];
      }
    }
    rows = i + 1;
  }

  /** Rows recorded: one per candle of the run. */
  public int rows() {
    return rows;
  }

  /** Every column name: {@code timestamp}, the candle columns, then the controller's features. */
  public List<String> columnNames() {
    List<String> names = new ArrayList<>(1 + CANDLE_COLUMNS.size() + featureNames.size());
    names.add("timestamp");
    names.addAll(CANDLE_COLUMNS);
    names.addAll(featureNames);
    return Collections.unmodifiableList(names);
  }

  /** The controller's own feature names (no candle column). */
  public List<String> featureNames() {
    return featureNames;
  }

  /** Row {@code i}'s key: its candle's open time, epoch seconds. */
  public long timestamp(int i) {
    return candles.timestamp()[i];
  }

  /**
   * The value of column {@code c} of {@link #columnNames()} ({@code c ≥ 1}: {@code timestamp} is
   * {@link #timestamp}) at row {@code i}; NaN in warm-up.
   */
  public double value(int c, int i) {
    return switch (c) {
      case 1 -> candles.open()[i];
      case 2 -> candles.high()[i];
      case 3 -> candles.low()[i];
      case 4 -> candles.close()[i];
      case 5 -> candles.volume()[i];
      default -> {
        if (c < 1 || c > 5 + features.length) {
          throw new IndexOutOfBoundsException("column " + c);
        }
        yield features[c - 6][i];
      }
    };
  }

  /** Feature {@code name} at row {@code i}; NaN in warm-up. */
  public double feature(String name, int i) {
    int k = featureNames.indexOf(name);
    if (k < 0) {
      throw new IllegalArgumentException("no feature " + name + "; features: " + featureNames);
    }
    return features[k][i];
  }
}
