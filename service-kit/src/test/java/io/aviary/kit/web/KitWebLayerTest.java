package io.aviary.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.aviary.connectors.port.VenueException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The kit's web layer as a service gets it: Spring MVC's dispatcher with the kit's two exception handlers and its
 * three filters in the kit's order, in front of a small controller that reads its body with {@link JsonBody}.
 * Pins the {@code {"detail": ...}} answer of each failure, the 422 list naming each bad field, and the filters.
 */
class KitWebLayerTest {

    private static final String TOKEN = "internal-token-for-tests";
    private static final String SECRET = "sk_live_do_not_echo";
    private static final int MAX_BODY = 512;

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new SampleController())
            .setControllerAdvice(new ApiExceptionHandler(), new VenueExceptionHandler())
            .addFilters(new RequestIdFilter(), new InternalTokenFilter(TOKEN), new BodySizeLimitFilter(MAX_BODY))
            .build();

    enum Side { BUY, SELL }

    @RestController
    static class SampleController {

        @PostMapping("/orders")
        Map<String, Object> place(@RequestBody(required = false) JsonNode json) {
            JsonBody body = JsonBody.of(json);
            String pair = body.requiredString("trading_pair");
            BigDecimal amount = body.requiredPositiveDecimal("amount");
            Side side = body.literal("trade_type", Side.class, null, true);
            int leverage = body.optionalInt("leverage", 1, 1, 125);
            List<String> tags = body.stringList("tags");
            body.validate();
            return Map.of("trading_pair", pair, "amount", amount, "trade_type", side.name(), "leverage", leverage,
                    "tags", tags);
        }

        @GetMapping("/fail/{kind}")
        Map<String, Object> fail(@PathVariable("kind") String kind) {
            throw switch (kind) {
                case "api-404" -> ApiException.notFound("Account 'desk_a' not found");
                case "api-409" -> ApiException.conflict("Account 'desk_a' already exists");
                case "api-400" -> ApiException.badRequest("Unknown connector 'nope'");
                case "venue-rejected" -> new VenueException.Rejected("sim", "rejected the order: insufficient balance");
                case "venue-not-found" -> new VenueException.NotFound("sim", "has no order c-1");
                case "venue-unavailable" -> new VenueException.Unavailable("sim", "is unreachable", null);
                case "venue-unexpected" -> new VenueException.Unexpected("sim", "answered nonsense", null);
                case "database" -> new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                        new SQLException("Connection to 127.0.0.1:5432 refused", "08001"));
                default -> new IllegalStateException("bug while handling " + SECRET);
            };
        }

        @GetMapping("/rate-limited")
        Map<String, Object> rateLimited() {
            throw new VenueException.RateLimited("sim", "rate limit reached", 1_500);
        }

        @GetMapping("/candles")
        Map<String, Object> candles(@RequestParam("limit") int limit) {
            return Map.of("limit", limit);
        }
    }

    private static MockHttpServletRequestBuilder routed(MockHttpServletRequestBuilder request) {
        return request.header(InternalTokenFilter.HEADER, TOKEN);
    }

    private static MockHttpServletRequestBuilder order(String json) {
        return routed(post("/orders")).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    @Test
    void aValidBodyPasses() throws Exception {
        mvc.perform(order("{\"trading_pair\":\"BTC-USDT\",\"amount\":\"0.5\",\"trade_type\":\"buy\",\"tags\":[\"x\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.trade_type").value("BUY"))
                .andExpect(jsonPath("$.leverage").value(1));
    }

    @Test
    void anEmptyBodyIs422NamingEveryRequiredField() throws Exception {
        mvc.perform(order(""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail.length()").value(3))
                .andExpect(jsonPath("$.detail[*].type").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("missing"))))
                .andExpect(jsonPath("$.detail[*].loc[1]").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "trading_pair", "amount", "trade_type")));
    }

    @Test
    void wrongTypesAre422EachNamingItsFieldWithoutEchoingTheInput() throws Exception {
        mvc.perform(order("{\"trading_pair\":5,\"amount\":\"" + SECRET + "\",\"trade_type\":\"hold\",\"leverage\":500}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail.length()").value(4))
                .andExpect(jsonPath("$.detail[0].type").value("string_type"))
                .andExpect(jsonPath("$.detail[0].loc").value(org.hamcrest.Matchers.contains("body", "trading_pair")))
                .andExpect(jsonPath("$.detail[1].type").value("decimal_parsing"))
                .andExpect(jsonPath("$.detail[1].loc").value(org.hamcrest.Matchers.contains("body", "amount")))
                .andExpect(jsonPath("$.detail[2].type").value("literal_error"))
                .andExpect(jsonPath("$.detail[2].msg").value("Input should be 'BUY' or 'SELL'"))
                .andExpect(jsonPath("$.detail[3].type").value("less_than_equal"))
                .andExpect(jsonPath("$.detail[3].loc").value(org.hamcrest.Matchers.contains("body", "leverage")))
                .andExpect(content().string(not(containsString(SECRET))));
    }

    @Test
    void aBadItemInsideAListIsNamedByItsIndex() throws Exception {
        mvc.perform(order("{\"trading_pair\":\"BTC-USDT\",\"amount\":1,\"trade_type\":\"SELL\",\"tags\":[\"ok\",7]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail.length()").value(1))
                .andExpect(jsonPath("$.detail[0].type").value("string_type"))
                .andExpect(jsonPath("$.detail[0].loc").value(org.hamcrest.Matchers.contains("body", "tags", 1)));
    }

    @Test
    void aBodyThatIsNoObjectIs422ForTheWholeBody() throws Exception {
        mvc.perform(order("[\"BTC-USDT\"]"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail[0].type").value("model_attributes_type"))
                .andExpect(jsonPath("$.detail[0].loc").value(org.hamcrest.Matchers.contains("body")));
    }

    @Test
    void malformedJsonIs422WithoutQuotingTheBody() throws Exception {
        mvc.perform(order("{\"api_secret\": \"" + SECRET + "\""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail[0].type").value("json_invalid"))
                .andExpect(jsonPath("$.detail[0].loc").value(org.hamcrest.Matchers.contains("body")))
                .andExpect(content().string(not(containsString(SECRET))));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            api-404           | 404 | Account 'desk_a' not found
            api-409           | 409 | Account 'desk_a' already exists
            api-400           | 400 | Unknown connector 'nope'
            venue-rejected    | 400 | sim: rejected the order: insufficient balance
            venue-not-found   | 404 | sim: has no order c-1
            venue-unavailable | 503 | sim: is unreachable
            venue-unexpected  | 502 | sim: answered nonsense
            database          | 503 | database unavailable
            bug               | 500 | Internal Server Error
            """)
    void eachFailureIsItsStatusWithADetail(String kind, int status, String detail) throws Exception {
        String body = mvc.perform(routed(get("/fail/" + kind)))
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).isEqualTo("{\"detail\":\"" + detail + "\"}").doesNotContain(SECRET);
    }

    @Test
    void aRateLimitedVenueIs503WithRetryAfterInWholeSeconds() throws Exception {
        mvc.perform(routed(get("/rate-limited")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "2"))
                .andExpect(jsonPath("$.detail").value("sim: rate limit reached"));
    }

    @Test
    void aBadQueryParameterIs422NamingIt() throws Exception {
        mvc.perform(routed(get("/candles").param("limit", "many")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail[0].type").value("type_error"))
                .andExpect(jsonPath("$.detail[0].loc").value(org.hamcrest.Matchers.contains("query", "limit")));
        mvc.perform(routed(get("/candles")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail[0].type").value("missing"))
                .andExpect(jsonPath("$.detail[0].loc").value(org.hamcrest.Matchers.contains("query", "limit")));
    }

    @Test
    void unknownPathsAndMethodsAreDetailedToo() throws Exception {
        mvc.perform(routed(get("/nowhere")))
                .andExpect(status().isNotFound())
                .andExpect(content().json("{\"detail\":\"Not Found\"}", org.springframework.test.json.JsonCompareMode.STRICT));
        mvc.perform(routed(post("/candles")))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().json("{\"detail\":\"Method Not Allowed\"}", org.springframework.test.json.JsonCompareMode.STRICT));
    }

    @Test
    void withoutTheInternalTokenTheServiceAnswers401() throws Exception {
        mvc.perform(get("/candles").param("limit", "1"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(containsString("gateway")));
        mvc.perform(routed(get("/candles").param("limit", "1")))
                .andExpect(status().isOk());
    }

    @Test
    void aDeclaredBodyOverTheLimitIs413BeforeItIsRead() throws Exception {
        String big = "{\"trading_pair\":\"" + "x".repeat(MAX_BODY) + "\"}";
        mvc.perform(order(big))
                .andExpect(status().is(HttpStatus.CONTENT_TOO_LARGE.value()))
                .andExpect(jsonPath("$.detail").value(containsString("limit " + MAX_BODY)));
    }

    @Test
    void aWellFormedRequestIdIsCarriedBackAndAnythingElseReplaced() throws Exception {
        mvc.perform(routed(get("/candles").param("limit", "1")).header(RequestIdFilter.HEADER, "gw-123.abc_X"))
                .andExpect(header().string(RequestIdFilter.HEADER, "gw-123.abc_X"));
        String forged = mvc.perform(routed(get("/candles").param("limit", "1"))
                        .header(RequestIdFilter.HEADER, "evil\r\nSet-Cookie: x=1"))
                .andReturn().getResponse().getHeader(RequestIdFilter.HEADER);
        assertThat(forged).matches("[0-9a-f-]{36}");
        String absent = mvc.perform(routed(get("/candles").param("limit", "1")))
                .andReturn().getResponse().getHeader(RequestIdFilter.HEADER);
        assertThat(absent).matches("[0-9a-f-]{36}");
    }
}
