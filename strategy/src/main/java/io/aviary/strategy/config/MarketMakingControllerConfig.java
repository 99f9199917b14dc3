package io.aviary.strategy.config;

import io.aviary.strategy.executor.TripleBarrierConfig;
import java.math.BigDecimal;
import java.util.List;

/** A config of a market-making controller: the {@link MarketMakingSettings} keys plus its own. */
public sealed interface MarketMakingControllerConfig extends V2ControllerConfig,
        io.aviary.strategy.controller.MarketMakingSettings
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
    @Override
    default TripleBarrierConfig tripleBarrierConfig() {
        return marketMaking().tripleBarrier().toExecutor();
    }

    // the engine's view of the market-making keys (what its controllers read)

    @Override
    default List<Double> buySpreads() {
        return marketMaking().buySpreads();
    }

    @Override
    default List<Double> sellSpreads() {
        return marketMaking().sellSpreads();
    }

    @Override
    default List<BigDecimal> buyAmountsPct() {
        return marketMaking().buyAmountsPct();
    }

    @Override
    default List<BigDecimal> sellAmountsPct() {
        return marketMaking().sellAmountsPct();
    }

    @Override
    default long executorRefreshTime() {
        return marketMaking().executorRefreshTime();
    }

    @Override
    default long cooldownTime() {
        return marketMaking().cooldownTime();
    }

    @Override
    default int leverage() {
        return marketMaking().leverage();
    }

    @Override
    default double positionRebalanceThresholdPct() {
        return marketMaking().positionRebalanceThresholdPct().doubleValue();
    }

    @Override
    default boolean skipRebalance() {
        return marketMaking().skipRebalance();
    }
}
