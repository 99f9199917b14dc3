package io.aviary.strategy.config;

import io.aviary.strategy.controller.ControllerConfig;
import io.aviary.strategy.executor.TradeType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A validated Hummingbot V2 controller config: one record per supported controller. Read one with
 * {@link ControllerRegistry#parse(Map)}; {@link #toMap()} gives it back in Hummingbot's key order and value forms,
 * complete with every default, ready for a YAML or JSON writer at the edge.
 */
public sealed interface V2ControllerConfig extends ControllerConfig
        permits MarketMakingControllerConfig, DirectionalControllerConfig, GridStrikeConfig {

    CommonSettings common();

    /** The {@code controller_type} key. */
    ControllerKind kind();

    /** Every key in Hummingbot's order; Decimals as strings, order types and sides as integer codes. */
    Map<String, Object> toMap();

    @Override
    default String id() {
        return common().id();
    }

    @Override
    default String controllerType() {
        return kind().wireName();
    }

    @Override
    default BigDecimal totalAmountQuote() {
        return common().totalAmountQuote();
    }

    /** Every entry is on this controller's market: validation refuses others (see {@code ConfigSchema}). */
    @Override
    default OptionalDouble initialPositionsBase() {
        List<InitialPosition> positions = common().initialPositions();
        if (positions.isEmpty()) {
            return OptionalDouble.empty();
        }
        BigDecimal net = BigDecimal.ZERO;
        for (InitialPosition p : positions) {
            net = p.side() == TradeType.SELL ? net.subtract(p.amount()) : net.add(p.amount());
        }
        return OptionalDouble.of(net.doubleValue());
    }
}
