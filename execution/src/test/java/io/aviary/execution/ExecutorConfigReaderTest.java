package io.aviary.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.aviary.execution.ExecutorConfigReader.InvalidExecutorConfig;
import io.aviary.strategy.executor.ArbitrageExecutorConfig;
import io.aviary.strategy.executor.ConnectorPair;
import io.aviary.strategy.executor.ExecutorConfig;
import io.aviary.strategy.executor.OrderType;
import io.aviary.strategy.executor.PositionExecutorConfig;
import io.aviary.strategy.executor.TradeType;
import io.aviary.strategy.executor.XEMMExecutorConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutorConfigReaderTest {

    @Test
    void readsTheApiExampleWithNamesAndDecimalStrings() {
        Map<String, Object> config = new LinkedHashMap<>(Map.of("type", "position_executor", "connector_name",
                "binance_perpetual", "trading_pair", "BTC-USDT", "side", "BUY", "amount", "0.01", "leverage", 10,
                "triple_barrier_config", Map.of("stop_loss", "0.02", "take_profit", "0.04", "time_limit", 3600,
                        "take_profit_order_type", "LIMIT")));
        PositionExecutorConfig read = (PositionExecutorConfig) ExecutorConfigReader.read(config, "ex1", 1000, "main");
        assertThat(read.id()).isEqualTo("ex1");
        assertThat(read.timestamp()).isEqualTo(1000);
        assertThat(read.side()).isEqualTo(TradeType.BUY);
        assertThat(read.amount()).isEqualTo(0.01);
        assertThat(read.leverage()).isEqualTo(10);
        assertThat(Double.isNaN(read.entryPrice())).isTrue();
        assertThat(read.tripleBarrierConfig().takeProfit()).isEqualTo(0.04);
        assertThat(read.tripleBarrierConfig().timeLimit()).isEqualTo(3600L);
        assertThat(read.tripleBarrierConfig().takeProfitOrderType()).isEqualTo(OrderType.LIMIT);
    }

    /** What the writer stores (codes, Hummingbot's field set) reads back to the same record, for every type. */
    @Test
    void everyTypeReadsBackWhatTheWriterWrote() {
        List<Map<String, Object>> inputs = List.of(
                Map.of("type", "position_executor", "connector_name", "sim", "trading_pair", "SOL-USDT", "side", "SELL",
                        "amount", 2, "entry_price", "101.5", "triple_barrier_config", Map.of("stop_loss", 0.03,
                                "trailing_stop", Map.of("activation_price", "0.01", "trailing_delta", "0.005"))),
                Map.of("type", "dca_executor", "connector_name", "sim", "trading_pair", "SOL-USDT", "side", "BUY",
                        "amounts_quote", List.of("10", "20"), "prices", List.of("100", "95"), "take_profit", "0.02",
                        "time_limit", 600),
                Map.of("type", "grid_executor", "connector_name", "sim", "trading_pair", "SOL-USDT", "side", "BUY",
                        "start_price", 90, "end_price", 110, "limit_price", 85, "total_amount_quote", 500,
                        "triple_barrier_config", Map.of("take_profit", "0.001")),
                Map.of("type", "order_executor", "connector_name", "sim", "trading_pair", "SOL-USDT", "side", "BUY",
                        "amount", "1", "price", "99", "execution_strategy", "LIMIT"),
                Map.of("type", "twap_executor", "connector_name", "sim", "trading_pair", "SOL-USDT", "side", "SELL",
                        "total_amount_quote", 100, "total_duration", 60, "order_interval", 10),
                Map.of("type", "arbitrage_executor", "buying_market", SIM, "selling_market", PERP,
                        "order_amount", "0.5", "min_profitability", "0.001"),
                Map.of("type", "xemm_executor", "buying_market", SIM, "selling_market", PERP, "maker_side", 2,
                        "order_amount", "0.5", "min_profitability", "0.001", "target_profitability", "0.002",
                        "max_profitability", "0.004"));
        for (Map<String, Object> input : inputs) {
            ExecutorConfig first = ExecutorConfigReader.read(input, "id1", 1000, "ctrl");
            ExecutorConfig again = ExecutorConfigReader.read(ExecutorConfigJson.config(first), null, 0, null);
            assertThat(again).as(first.type()).isEqualTo(first);
        }
    }

    private static final Map<String, Object> SIM = Map.of("connector_name", "sim", "trading_pair", "SOL-USDT");
    private static final Map<String, Object> PERP = Map.of("connector_name", "sim_perpetual", "trading_pair",
            "SOL-USDT");

    @Test
    void crossMarketConfigsReadTheirMarketsAndRefuseMarketsThatCannotBeCompared() {
        ArbitrageExecutorConfig arbitrage = (ArbitrageExecutorConfig) ExecutorConfigReader.read(Map.of("type",
                "arbitrage_executor", "buying_market", SIM, "selling_market", PERP, "order_amount", "0.5",
                "min_profitability", "0.001"), "a1", 1000, "main");
        assertThat(arbitrage.buyingMarket()).isEqualTo(new ConnectorPair("sim", "SOL-USDT"));
        assertThat(arbitrage.connectorName()).isEqualTo("sim");
        assertThat(arbitrage.side()).isNull();
        XEMMExecutorConfig xemm = (XEMMExecutorConfig) ExecutorConfigReader.read(Map.of("type", "xemm_executor",
                "buying_market", SIM, "selling_market", PERP, "maker_side", "SELL", "order_amount", 1,
                "min_profitability", 0.001, "target_profitability", 0.002, "max_profitability", 0.004), "x1", 1000,
                "main");
        assertThat(xemm.connectorName()).isEqualTo("sim_perpetual");
        assertThat(message(Map.of("type", "arbitrage_executor", "buying_market", SIM, "selling_market",
                Map.of("connector_name", "sim"), "order_amount", 1, "min_profitability", 0)))
                .contains("executor_config.selling_market needs connector_name and trading_pair");
        assertThat(message(Map.of("type", "arbitrage_executor", "buying_market", SIM, "selling_market",
                Map.of("connector_name", "sim", "trading_pair", "ETH-USDT"), "order_amount", 1,
                "min_profitability", 0))).contains("not interchangeable");
        assertThat(message(Map.of("type", "xemm_executor", "buying_market", SIM, "selling_market", PERP,
                "order_amount", 1, "min_profitability", 0, "target_profitability", 0, "max_profitability", 0)))
                .contains("executor_config.maker_side is required");
    }

    @Test
    void badInputNamesTheKey() {
        assertThat(message(Map.of("connector_name", "sim"))).contains("'type'");
        assertThat(message(Map.of("type", "lp_executor"))).contains("Unknown executor type 'lp_executor'");
        Map<String, Object> position = Map.of("type", "position_executor", "connector_name", "sim", "trading_pair",
                "SOL-USDT", "side", "BUY", "amount", "-1");
        assertThat(message(position)).contains("amount");
        Map<String, Object> noSide = new LinkedHashMap<>(position);
        noSide.remove("side");
        assertThat(message(noSide)).contains("side");
        Map<String, Object> badNumber = new LinkedHashMap<>(position);
        badNumber.put("amount", "lots");
        assertThat(message(badNumber)).contains("executor_config.amount must be a number");
        Map<String, Object> badBarrier = new LinkedHashMap<>(position);
        badBarrier.put("amount", "1");
        badBarrier.put("triple_barrier_config", Map.of("take_profit", "x"));
        assertThat(message(badBarrier)).contains("executor_config.triple_barrier_config.take_profit");
    }

    /** Every field the types' schema calls required is one the reader cannot do without. */
    @Test
    void theSchemaRequiredFieldsAreRequired() {
        Map<String, Map<String, Object>> valid = Map.of(
                "position_executor", Map.of("type", "position_executor", "connector_name", "sim", "trading_pair",
                        "SOL-USDT", "side", "BUY", "amount", 1),
                "dca_executor", Map.of("type", "dca_executor", "connector_name", "sim", "trading_pair", "SOL-USDT",
                        "side", "BUY", "amounts_quote", List.of(10), "prices", List.of(100)),
                "grid_executor", Map.of("type", "grid_executor", "connector_name", "sim", "trading_pair", "SOL-USDT",
                        "side", "BUY", "start_price", 90, "end_price", 110, "limit_price", 85, "total_amount_quote",
                        500, "triple_barrier_config", Map.of("take_profit", "0.001")),
                "order_executor", Map.of("type", "order_executor", "connector_name", "sim", "trading_pair", "SOL-USDT",
                        "side", "BUY", "amount", 1, "execution_strategy", "MARKET"),
                "twap_executor", Map.of("type", "twap_executor", "connector_name", "sim", "trading_pair", "SOL-USDT",
                        "side", "BUY", "total_amount_quote", 100, "total_duration", 60, "order_interval", 10),
                "arbitrage_executor", Map.of("type", "arbitrage_executor", "buying_market", SIM, "selling_market",
                        PERP, "order_amount", 1, "min_profitability", 0),
                "xemm_executor", Map.of("type", "xemm_executor", "buying_market", SIM, "selling_market", PERP,
                        "maker_side", "BUY", "order_amount", 1, "min_profitability", 0, "target_profitability", 0,
                        "max_profitability", 0));
        assertThat(ExecutorTypes.ALL).extracting(ExecutorTypes.Type::type)
                .containsExactlyElementsOf(ExecutorConfigReader.TYPES);
        for (ExecutorTypes.Type type : ExecutorTypes.ALL) {
            Map<String, Object> config = valid.get(type.type());
            ExecutorConfigReader.read(config, "id", 0, null);
            for (ExecutorTypes.Field field : type.fields()) {
                if (field.required()) {
                    Map<String, Object> without = new LinkedHashMap<>(config);
                    without.remove(field.name());
                    assertThat(catchThrowable(() -> ExecutorConfigReader.read(without, "id", 0, null)))
                            .as(type.type() + " without " + field.name()).isInstanceOf(InvalidExecutorConfig.class);
                }
            }
        }
    }

    private static String message(Map<String, Object> config) {
        Throwable thrown = catchThrowable(() -> ExecutorConfigReader.read(config, "id", 0, null));
        assertThat(thrown).isInstanceOf(InvalidExecutorConfig.class);
        return thrown.getMessage();
    }
}
