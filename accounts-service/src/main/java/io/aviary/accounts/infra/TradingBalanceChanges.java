package io.aviary.accounts.infra;

import io.aviary.accounts.app.BalanceChangeSource;
import io.aviary.accounts.domain.CredentialRef;
import io.aviary.kit.config.ServiceProperties;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** trading-service's internal {@code GET /internal/sessions/balance-changes}, bounded to a short timeout. */
@Component
class TradingBalanceChanges implements BalanceChangeSource {

    private static final Logger log = LoggerFactory.getLogger(TradingBalanceChanges.class);
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    private final URI baseUrl;
    private final String internalToken;
    private final JsonMapper json;

    TradingBalanceChanges(@Value("${AVIARY_TRADING_URL:http://localhost:8102}") String baseUrl, ServiceProperties service,
            JsonMapper json) {
        this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.internalToken = service.internalToken();
        this.json = json;
    }

    @Override
    public Map<CredentialRef, Instant> lastChanges(Set<String> accounts) {
        String query = accounts.stream().map(a -> "account_names=" + URLEncoder.encode(a, StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("internal/sessions/balance-changes"
                        + (query.isEmpty() ? "" : "?" + query))).timeout(TIMEOUT)
                .header("X-Aviary-Internal-Token", internalToken).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                log.debug("trading-service answered {} for balance changes; serving the stored portfolio", response.statusCode());
                return Map.of();
            }
            Map<CredentialRef, Instant> changes = new HashMap<>();
            for (JsonNode item : json.readTree(response.body())) {
                changes.put(new CredentialRef(item.get("account_name").asString(), item.get("connector_name").asString()),
                        Instant.parse(item.get("changed_at").asString()));
            }
            return changes;
        } catch (IOException | RuntimeException e) {
            log.debug("Balance changes unavailable ({}); serving the stored portfolio", e.toString());
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }
}
