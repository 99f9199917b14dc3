package io.aviary.strategy.config;

import io.aviary.strategy.controller.DirectionalTradingSettings;
import io.aviary.strategy.executor.TripleBarrierConfig;

/** A config of a directional controller: the {@link DirectionalSettings} keys plus its own. */
public sealed interface DirectionalControllerConfig extends V2ControllerConfig, DirectionalTradingSettings
        permits BollingerV1Config, MacdBbV1Config, SuperTrendV1Config, DManV3Config {

    DirectionalSettings directional();

    /** Where the signal's candles come from. */
    CandleSource candles();

    @Override
    default ControllerKind kind() {
        return ControllerKind.DIRECTIONAL_TRADING;
    }

    @Override
    default String connectorName() {
        return directional().connectorName();
    }

    @Override
    default String tradingPair() {
        return directional().tradingPair();
    }

    @Override
    default int maxExecutorsPerSide() {
        return directional().maxExecutorsPerSide();
    }

    @Override
    default long cooldownTime() {
        return directional().cooldownTime();
    }

    @Override
    default int leverage() {
        return directional().leverage();
    }

    /** Every executor's barriers (MARKET open), in the executors' form. */
    @Override
    default TripleBarrierConfig tripleBarrierConfig() {
        return directional().tripleBarrier().toExecutor();
    }
}
