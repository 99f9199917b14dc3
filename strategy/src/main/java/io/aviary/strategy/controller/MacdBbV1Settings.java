package io.aviary.strategy.controller;

/** The values {@code macd_bb_v1} reads beyond {@link BollingerV1Settings}. */
public interface MacdBbV1Settings extends BollingerV1Settings, MacdParameters {

}
