/**
 * Hummingbot V2 controller configs: one record per controller ({@code pmm_simple}, {@code pmm_dynamic},
 * {@code dman_maker_v2}, {@code bollinger_v1}, {@code macd_bb_v1}, {@code supertrend_v1}, {@code dman_v3},
 * {@code grid_strike}) with Hummingbot's keys, key order, defaults and validation, read from the {@code Map} a YAML
 * or JSON parser at the edge produces and written back to one ({@link io.aviary.strategy.config.V2ControllerConfig
 * #toMap()}). {@link io.aviary.strategy.config.ControllerRegistry} lists the controllers, their kinds and templates.
 *
 * <p>Where Aviary knowingly differs from Hummingbot (v2.13+, {@code extra="forbid"}):
 * <ul>
 *   <li>Defaults go through the same validation as input, so a key left out reads as its parsed default
 *       (Hummingbot keeps e.g. the raw string {@code "0.01,0.02"} and breaks later); written configs are complete.
 *   <li>Values a controller would crash on or cannot mean are rejected: leverage below 1, negative spreads or
 *       amounts, amounts summing to 0, no levels on either side, indicator lengths below 1 (Bollinger below 2),
 *       non-positive prices, {@code start_price >= end_price}, lists of more than 1000 entries, texts over 200
 *       characters, non-finite numbers, a {@code dman_v3} {@code dynamic_target} without a {@code stop_loss}.
 *       List lengths are checked however the list was given (Hummingbot skips the check for comma-separated text).
 *   <li>{@code dynamic_order_spread}/{@code dynamic_target} default to {@code false} (Hummingbot's {@code None},
 *       which its code treats as false).
 *   <li>Enum keys nested in {@code triple_barrier_config} also accept names ({@code LIMIT_MAKER}), as the top-level
 *       keys do; they are always written as codes, so written files stay loadable by Hummingbot.
 *   <li>The legacy {@code candles_config} key is rejected with the reason (as Hummingbot ≥ 2.13 rejects it).
 *   <li>{@code initial_positions} entries must name the controller's own {@code connector_name} and
 *       {@code trading_pair} (the hosts keep one position hold per controller, on its market; Hummingbot would also
 *       hold another market's, which nothing of the controller reads).
 *   <li>Template defaults are in written form and {@code id} is marked required (hummingbot-api reports
 *       {@code required: false} for every field).
 * </ul>
 */
package io.aviary.strategy.config;
