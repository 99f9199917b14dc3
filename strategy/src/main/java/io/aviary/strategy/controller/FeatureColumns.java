package io.aviary.strategy.controller;

import io.aviary.strategy.indicator.RollingBollinger;
import io.aviary.strategy.indicator.RollingMacd;
import java.util.List;
import java.util.stream.Stream;

/**
 * The feature column names Hummingbot's controllers get from pandas-ta (its {@code f"BBP_{length}_{std}"} style:
 * a float parameter prints as Python does, {@code 2.0}), and the writers of the matching values, shared by the
 * controllers that use the same indicator.
 */
final class FeatureColumns {
  private FeatureColumns() {}

  /** pandas-ta {@code bbands}: lower, middle, upper band, bandwidth (%), %B. */
  static List<String> bollinger(int length, double std) {
    String p = "_" + length + "_" + std;
    return List.of("BBL" + p, "BBM" + p, "BBU" + p, "BBB" + p, "BBP" + p);
  }

  /** Writes {@link #bollinger}'s five values from {@code out[at]}; returns the next free index. */
  static int writeBollinger(RollingBollinger bands, double percentB, double[] out, int at) {
    double lower = bands.lower();
    double middle = bands.middle();
    double upper = bands.upper();
    out[at] = lower;
    out[at + 1] = middle;
    out[at + 2] = upper;
    out[at + 3] = 100 * (upper - lower) / middle;
    out[at + 4] = percentB;
    return at + 5;
  }

  /** pandas-ta {@code macd}: line, histogram, signal line. */
  static List<String> macd(int fast, int slow, int signal) {
    String p = "_" + fast + "_" + slow + "_" + signal;
    return List.of("MACD" + p, "MACDh" + p, "MACDs" + p);
  }

  /** Writes {@link #macd}'s three values from {@code out[at]}; returns the next free index. */
  static int writeMacd(RollingMacd macd, double[] out, int at) {
    out[at] = macd.macd();
    out[at + 1] = macd.histogram();
    out[at + 2] = macd.signal();
    return at + 3;
  }

  static List<String> concat(List<String> first, List<String> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }
}
