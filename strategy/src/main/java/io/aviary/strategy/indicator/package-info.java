/**
 * Technical indicators over primitive arrays, causal: the value at index {@code i} depends only on inputs
 * {@code 0..i}, so reading index {@code i} never looks ahead. Warm-up values are {@code NaN}. Batch functions
 * take {@code (values, size)} and read only {@code [0, size)}; {@link io.aviary.strategy.indicator.RollingBollinger}
 * is the O(1)-per-candle streaming form controllers use. Values and warm-up conventions follow ta4j 0.22 (the tests'
 * oracle); SMA and Bollinger values equal pandas-ta's (Hummingbot's) once the window is full.
 */
package io.aviary.strategy.indicator;
