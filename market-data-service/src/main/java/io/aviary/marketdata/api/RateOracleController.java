package io.aviary.marketdata.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.aviary.kit.web.ErrorBody.ValidationError;
import io.aviary.kit.web.RequestValidationException;
import io.aviary.marketdata.app.RateOracle;
import io.aviary.marketdata.domain.RateOracleConfig;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Hummingbot API HEAD's {@code /rate-oracle} (api-catalog §2.3), answered from Aviary's own venue prices. The
 * configuration lives in PostgreSQL instead of {@code conf_client.yml}; an unknown source is a 422 naming the valid
 * ones (HEAD: 400), a pair without a conversion path a 404 on the single-rate routes and a null rate in {@code rates}.
 */
@RestController
@RequestMapping("/rate-oracle")
@Tag(name = "Rate Oracle", description = "Rates of trading pairs from one venue's prices, directly or through one asset")
public class RateOracleController {

    /** Most pairs one {@code rates} request may ask for. */
    static final int MAX_PAIRS = 500;
    /** Longest global token name or symbol accepted. */
    static final int MAX_TOKEN_LENGTH = 20;

    private final RateOracle oracle;

    public RateOracleController(RateOracle oracle) {
        this.oracle = oracle;
    }

    record SourceConfig(String name) {
    }

    record GlobalToken(@JsonProperty("global_token_name") String globalTokenName,
            @JsonProperty("global_token_symbol") String globalTokenSymbol) {
    }

    record Config(@JsonProperty("rate_oracle_source") SourceConfig rateOracleSource,
            @JsonProperty("global_token") GlobalToken globalToken) {

        static Config of(RateOracleConfig c) {
            return new Config(new SourceConfig(c.source()), new GlobalToken(c.globalTokenName(), c.globalTokenSymbol()));
        }
    }

    record ConfigResponse(@JsonProperty("rate_oracle_source") SourceConfig rateOracleSource,
            @JsonProperty("global_token") GlobalToken globalToken,
            @JsonProperty("available_sources") List<String> availableSources) {
    }

    record ConfigUpdateResponse(boolean success, String message, Config config) {
    }

    record RatesResponse(String source, @JsonProperty("quote_token") String quoteToken, Map<String, BigDecimal> rates) {
    }

    record SingleRateResponse(@JsonProperty("trading_pair") String tradingPair, BigDecimal rate, String source,
            @JsonProperty("quote_token") String quoteToken) {

        static SingleRateResponse of(RateOracle.Rate r) {
            return new SingleRateResponse(r.pair().toString(), r.rate().orElse(null), r.config().source(),
                    r.config().globalTokenName());
        }
    }

    record PricesResponse(String source, @JsonProperty("quote_token") String quoteToken,
            @JsonProperty("prices_count") int pricesCount, Map<String, BigDecimal> prices) {
    }

    @GetMapping("/sources")
    @Operation(summary = "Venues the rate oracle can price from")
    public List<String> sources() {
        return oracle.sources();
    }

    @GetMapping("/config")
    @Operation(summary = "Current source and global token, and the available sources")
    public ConfigResponse config() {
        Config c = Config.of(oracle.config());
        return new ConfigResponse(c.rateOracleSource(), c.globalToken(), oracle.sources());
    }

    @PutMapping("/config")
    @Operation(summary = "Change the source and/or the global token (stored; applies at once)",
            description = "Body {rate_oracle_source?: {name}, global_token?: {global_token_name?, global_token_symbol?}}."
                    + " An unknown source is a 422 naming the available ones.")
    public ConfigUpdateResponse updateConfig(@RequestBody JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new RequestValidationException(new ValidationError("model_attributes_type", List.of("body"),
                    "Input should be a valid dictionary or object to extract fields from"));
        }
        List<ValidationError> errors = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        RateOracleConfig current = oracle.config();
        RateOracleConfig updated = current;
        JsonNode source = object(body, "rate_oracle_source", errors);
        if (source != null) {
            String name = text(source, "name", List.of("body", "rate_oracle_source"), errors, true);
            List<String> valid = oracle.sources();
            if (name != null && !valid.contains(name)) {
                errors.add(new ValidationError("literal_error", List.of("body", "rate_oracle_source", "name"),
                        "Input should be one of the available sources: " + String.join(", ", valid)));
            } else if (name != null) {
                updated = updated.withSource(name);
                changes.add("rate_oracle_source updated to " + name);
            }
        }
        JsonNode token = object(body, "global_token", errors);
        if (token != null) {
            List<Object> loc = List.of("body", "global_token");
            String name = text(token, "global_token_name", loc, errors, false);
            String symbol = text(token, "global_token_symbol", loc, errors, false);
            if (name != null) {
                updated = updated.withGlobalTokenName(name);
                changes.add("global_token_name updated to " + name);
            }
            if (symbol != null) {
                updated = updated.withGlobalTokenSymbol(symbol);
                changes.add("global_token_symbol updated to " + symbol);
            }
        }
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors.toArray(ValidationError[]::new));
        }
        if (!changes.isEmpty()) {
            oracle.update(updated);
        }
        return new ConfigUpdateResponse(true, changes.isEmpty() ? "No changes made" : String.join("; ", changes),
                Config.of(updated));
    }

    @PostMapping("/rates")
    @Operation(summary = "Rates of the pairs (null for a pair without a conversion path)",
            description = "Body {trading_pairs: [..]}, at most " + MAX_PAIRS + " pairs.")
    public RatesResponse rates(@RequestBody JsonNode request) {
        Body body = Body.of(request);
        List<String> pairs = body.strings("trading_pairs");
        body.validate();
        if (pairs.size() > MAX_PAIRS) {
            throw new RequestValidationException(new ValidationError("too_long", List.of("body", "trading_pairs"),
                    "List should have at most " + MAX_PAIRS + " items"));
        }
        List<RateOracle.Rate> rates = oracle.rates(pairs);
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        rates.forEach(r -> out.put(r.pair().toString(), r.rate().orElse(null)));
        RateOracleConfig config = rates.isEmpty() ? oracle.config() : rates.getFirst().config();
        return new RatesResponse(config.source(), config.globalTokenName(), out);
    }

    @GetMapping("/rate/{trading_pair}")
    @Operation(summary = "Rate of one pair from the oracle's prices (at most a second old)")
    public SingleRateResponse rate(@PathVariable("trading_pair") String pair) {
        return SingleRateResponse.of(oracle.rate(pair, false));
    }

    @GetMapping("/rate-async/{trading_pair}")
    @Operation(summary = "Rate of one pair from prices read from the venue now")
    public SingleRateResponse rateAsync(@PathVariable("trading_pair") String pair) {
        return SingleRateResponse.of(oracle.rate(pair, true));
    }

    @GetMapping("/prices")
    @Operation(summary = "Every price the oracle holds: the source's last price of each pair it lists")
    public PricesResponse prices() {
        RateOracle.Prices prices = oracle.prices();
        Map<String, BigDecimal> out = prices.prices().entrySet().stream().collect(Collectors.toMap(
                e -> e.getKey().toString(), Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        return new PricesResponse(prices.config().source(), prices.config().globalTokenName(), out.size(), out);
    }

    private static JsonNode present(JsonNode body, String name) {
        JsonNode node = body.get(name);
        return node == null || node.isNull() ? null : node;
    }

    /** The optional object field {@code name} of the body; null (with an error when it is not an object) otherwise. */
    private static JsonNode object(JsonNode body, String name, List<ValidationError> errors) {
        JsonNode node = present(body, name);
        if (node != null && !node.isObject()) {
            errors.add(new ValidationError("model_attributes_type", List.of("body", name),
                    "Input should be a valid dictionary or object to extract fields from"));
            return null;
        }
        return node;
    }

    /** A non-blank string of at most {@link #MAX_TOKEN_LENGTH} characters, or null (with an error when wrong or required). */
    private static String text(JsonNode parent, String name, List<Object> parentLoc, List<ValidationError> errors,
            boolean required) {
        List<Object> loc = new ArrayList<>(parentLoc);
        loc.add(name);
        JsonNode node = present(parent, name);
        if (node == null) {
            if (required) {
                errors.add(new ValidationError("missing", loc, "Field required"));
            }
            return null;
        }
        if (!node.isString() || node.asString().isBlank() || node.asString().length() > MAX_TOKEN_LENGTH) {
            errors.add(new ValidationError("string_type", loc,
                    "Input should be a non-empty string of at most " + MAX_TOKEN_LENGTH + " characters"));
            return null;
        }
        return node.asString();
    }
}
