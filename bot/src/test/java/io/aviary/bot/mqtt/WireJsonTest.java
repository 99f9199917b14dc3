package io.aviary.bot.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.bot.mqtt.CommandRequest.ConfigRequest;
import io.aviary.bot.mqtt.CommandRequest.HistoryRequest;
import io.aviary.bot.mqtt.CommandRequest.StopRequest;
import io.aviary.connectors.model.TradeType;
import io.aviary.strategy.executor.CloseType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hummingbot's wire rules (internals §1.3) and the tolerant reading of incoming requests. */
class WireJsonTest {

  private static String json(Object value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("v", value);
    return WireJson.toJson(m);
  }

  @Test
  void negativeIntegersAreStringsNonNegativeAreNumbers() {
    assertThat(json(-1)).isEqualTo("{\"v\":\"-1\"}");
    assertThat(json(-5L)).isEqualTo("{\"v\":\"-5\"}");
    assertThat(json(0)).isEqualTo("{\"v\":0}");
    assertThat(json(1735733000123L)).isEqualTo("{\"v\":1735733000123}");
  }

  @Test
  void decimalsAreFloatNumbersAndNonFiniteAreBareTokens() {
    assertThat(json(new BigDecimal("94012.1"))).isEqualTo("{\"v\":94012.1}");
    assertThat(json(new BigDecimal("-0.05"))).isEqualTo("{\"v\":-0.05}");
    assertThat(json(new BigDecimal("1"))).isEqualTo("{\"v\":1.0}");
    assertThat(json(Double.NaN)).isEqualTo("{\"v\":NaN}");
    assertThat(json(Double.POSITIVE_INFINITY)).isEqualTo("{\"v\":Infinity}");
    assertThat(json(Double.NEGATIVE_INFINITY)).isEqualTo("{\"v\":-Infinity}");
  }

  @Test
  void enumsAndEnumKeysArePythonStrEnum() {
    assertThat(json(TradeType.BUY)).isEqualTo("{\"v\":\"TradeType.BUY\"}");
    assertThat(WireJson.toJson(Map.of(CloseType.TAKE_PROFIT, 3))).isEqualTo("{\"CloseType.TAKE_PROFIT\":3}");
  }

  @Test
  void nullsBooleansListsAndStrings() {
    assertThat(json(Arrays.asList(null, true, "a\"b", List.of(1, -2))))
        .isEqualTo("{\"v\":[null,true,\"a\\\"b\",[1,\"-2\"]]}");
  }

  @Test
  void parsingDropsNonJsonAndAcceptsNanTokens() {
    assertThat(WireJson.parse("not json".getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(WireJson.parse("{\"price\": NaN}".getBytes(StandardCharsets.UTF_8)).get("price").doubleValue())
        .isNaN();
  }

  private static RequestFields fields(String json) {
    return new RequestFields(WireJson.parse(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void requestsCoerceStringsIgnoreUnknownFieldsAndApplyDefaults() {
    assertThat(HistoryRequest.from(fields(
        "{\"days\": \"1.5\", \"verbose\": \"true\", \"precision\": \"3\", \"async_backend\": 0, \"x\": {}}")))
        .isEqualTo(new HistoryRequest(new BigDecimal("1.5"), true, 3, false));
    assertThat(HistoryRequest.from(fields("{}")))
        .isEqualTo(new HistoryRequest(BigDecimal.ZERO, false, null, true));
    assertThat(StopRequest.from(fields("{\"skip_order_cancellation\": null}")))
        .isEqualTo(new StopRequest(false, true));
  }

  @Test
  void configParamsAcceptPairsAndTheApisDict() {
    assertThat(ConfigRequest.from(fields("{\"params\": [[\"a\", 1], [\"b\", \"x\"]]}")).params())
        .containsExactly(new ConfigParam("a", 1L), new ConfigParam("b", "x"));
    assertThat(ConfigRequest.from(fields("{\"params\": {\"a\": 0.5}}")).params())
        .containsExactly(new ConfigParam("a", new BigDecimal("0.5")));
    assertThat(ConfigRequest.from(fields("{}")).params()).isEmpty();
    assertThatThrownBy(() -> ConfigRequest.from(fields("{\"params\": [[\"a\"]]}")))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("params");
  }

  @Test
  void invalidValuesNameTheFieldNotTheValue() {
    assertThatThrownBy(() -> HistoryRequest.from(fields("{\"days\": \"secret-ish\"}")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("days: expected a number");
    assertThatThrownBy(() -> CommandRequest.ImportRequest.from(fields("{}")))
        .hasMessage("strategy: field required");
    assertThatThrownBy(() -> fields("[1]")).hasMessage("data must be a JSON object");
  }
}
