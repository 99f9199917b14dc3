package io.aviary.strategy.config;

import io.aviary.strategy.executor.TripleBarrierConfig;

/** A config of a market-making controller: the {@link MarketMakingSettings} keys plus its own. */
public sealed interface MarketMakingControllerConfig extends V2ControllerConfig
        permits PmmSimpleConfig, PmmDynamicConfig, DManMakerV2Config {

    MarketMakingSettings marketMaking();

    @Override
    default ControllerKind kind() {
        return ControllerKind.MARKET_MAKING;
    }

    @Override
    default String connectorName() {
        return marketMaking().connectorName();
    }

    @Override
    default String tradingPair() {
        return marketMaking().tradingPair();
    }

    /** Every level executor's barriers (LIMIT open), in the executors' form. */
    default TripleBarrierConfig tripleBarrierConfig() {
        return marketMaking().tripleBarrier().toExecutor();
    }
}
