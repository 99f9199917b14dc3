package io.aviary.bot.db;

import io.aviary.execution.ExecutorConfigJson;
import io.aviary.bot.events.HistoryTrade;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The value encodings, against what Python/Hummingbot produce for the same values. */
class EncodingTest {

  @ParameterizedTest
  @CsvSource({
      "94012.123456789, 94012123456, 94012.123456",
      "0.001, 1000, 0.001",
      "94012, 94012000000, 94012",
      "94010.000000, 94010000000, 94010",
      "-1.5000009, -1500000, -1.5",
      "0.0000009, 0, 0",
      // Python multiplies in a 28-digit context before int(): the product rounds up to 1000000
      "0.9999999999999999999999999999999, 1000000, 1"})
  void sqliteDecimalTruncatesLikeHummingbotAndReadsBackLikePython(String value, long stored, String readBack) {
    assertThat(SqliteDecimal.encode(new BigDecimal(value))).isEqualTo(stored);
    assertThat(SqliteDecimal.decode(stored).toString()).isEqualTo(readBack);
  }

  @Test
  void decimalsRoundTripAtSixPlaces() {
    for (String value : List.of("0.000001", "123456.654321", "-0.5", "99999999999.999999")) {
      BigDecimal decimal = new BigDecimal(value);
      assertThat(SqliteDecimal.decode(SqliteDecimal.encode(decimal))).isEqualByComparingTo(decimal);
    }
  }

  @ParameterizedTest
  @CsvSource({
      "1735689600.0, 1735689600.0", "0.0196, 0.0196", "1.0E-5, 1e-05", "0.0001, 0.0001", "1.5E16, 1.5e+16",
      "1.0E16, 1e+16", "123.0, 123.0", "-2.82, -2.82", "0.0, 0.0", "1.0E100, 1e+100"})
  void floatsAreWrittenAsPythonsRepr(double value, String repr) {
    assertThat(PyJson.floatRepr(value)).isEqualTo(repr);
  }

  @Test
  void jsonTextIsPythonsJsonDumps() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("a", List.of(1, 2.5, "x"));
    value.put("b", null);
    value.put("c", Map.of());
    value.put("d", true);
    value.put("é\"\n", "日本\u007f");
    value.put("e", Arrays.asList(Double.NaN, -1L));
    assertThat(PyJson.dumps(value)).isEqualTo(
        "{\"a\": [1, 2.5, \"x\"], \"b\": null, \"c\": {}, \"d\": true, \"\\u00e9\\\"\\n\": \"\\u65e5\\u672c\\u007f\", "
            + "\"e\": [NaN, -1]}");
  }

  @ParameterizedTest
  @CsvSource({"94000, 94000", "0.001, 0.001", "1.0E-7, 1E-7", "0.015, 0.015", "100.5, 100.5"})
  void executorDecimalsAreStrDecimal(double value, String text) {
    assertThat(ExecutorConfigJson.decimal(value)).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource({"94012.1, 94012.1", "94012, 94012.", "0.000001, 0.000001", "100000000, 100000000.", "0.1, 0.1"})
  void historyNumbersAreNumpyPositional(String stored, String text) {
    assertThat(HistoryTrade.numpyPositional(new BigDecimal(stored))).isEqualTo(text);
  }
}
