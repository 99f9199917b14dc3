package io.aviary.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decimals that cost: {@code 1e-40000000} is 14 characters of JSON but 40 million digits once a
 * service strips, scales or prints it. The kit's decimal reader refuses them with a short 422 before
 * anything computes with them, whichever way the service's mapper reads JSON numbers.
 */
class JsonBodyDecimalBoundsTest {

    private static final JsonMapper DOUBLES = JsonMapper.builder().build();
    private static final JsonMapper BIG_DECIMALS = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final String DIGITS_39 = "123456789012345678901234567890123456789";
    private static final String SCALE_19 = "0.0000000000000000001";

    @ParameterizedTest
    @ValueSource(strings = {"1e-40000000", "1e40000000", "-1E+40000000", DIGITS_39, SCALE_19, "1e19", "1.5e-19"})
    void anOversizedDecimalAsAJsonStringIs422NamingTheFieldWithAShortBody(String amount) {
        assertRefused(BIG_DECIMALS, "{\"amount\": \"" + amount + "\"}");
        assertRefused(DOUBLES, "{\"amount\": \"" + amount + "\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e-40000000", "1e40000000", DIGITS_39, SCALE_19, "1e400"})
    void anOversizedDecimalAsAJsonNumberIs422WhenTheMapperReadsBigDecimals(String amount) {
        assertRefused(BIG_DECIMALS, "{\"amount\": " + amount + "}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e40000000", "1e400", DIGITS_39 + ".5"})
    void anOversizedDecimalAsAJsonNumberIs422WhenTheMapperReadsDoubles(String amount) {
        assertRefused(DOUBLES, "{\"amount\": " + amount + "}");
    }

    @Test
    void aDecimalTextLongerThanAnyBoundedDecimalIsNotEvenParsed() {
        assertRefused(DOUBLES, "{\"amount\": \"" + "9".repeat(100_000) + "\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.001", "\"0.001\"", "25000.5", "\"1e-18\"", "\"12345678901234567890.123456789012345678\"", "1e18", "7"})
    void ordinaryDecimalsStillPass(String amount) {
        for (JsonMapper mapper : List.of(DOUBLES, BIG_DECIMALS)) {
            JsonBody body = JsonBody.of(mapper.readTree("{\"amount\": " + amount + "}"));
            BigDecimal value = body.requiredPositiveDecimal("amount");
            body.validate();
            assertThat(value).isPositive();
        }
    }

    private static void assertRefused(JsonMapper mapper, String json) {
        JsonNode node = mapper.readTree(json);
        JsonBody body = JsonBody.of(node);
        assertThat(body.requiredPositiveDecimal("amount")).isNull();
        assertThat(body.optionalDecimal("amount")).isNull();
        assertThatThrownBy(body::validate).isInstanceOfSatisfying(RequestValidationException.class, e -> {
            ResponseEntity<?> answer = new ApiExceptionHandler().invalid(e);
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
            assertThat(e.errors()).allSatisfy(error -> assertThat(error.loc()).containsExactly("body", "amount"));
            assertThat(DOUBLES.writeValueAsString(answer.getBody())).hasSizeLessThan(400);
        });
    }
}
