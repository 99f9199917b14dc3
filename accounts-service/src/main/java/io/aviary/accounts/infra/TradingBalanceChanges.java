package io.aviary.accounts.infra;

import io.aviary.accounts.domain.CredentialRef;
import io.aviary.accounts.domain.portfolio.BalanceChangeSource;
import io.aviary.kit.config.ServiceProperties;
import io.aviary.kit.web.InternalServiceClient;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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

    private final InternalServiceClient trading;

    TradingBalanceChanges(@Value("${AVIARY_TRADING_URL:http://localhost:8102}") String baseUrl, ServiceProperties service,
            JsonMapper json) {
        this.trading = new InternalServiceClient("trading-service", baseUrl, service.internalToken(), "accounts-service",
                TIMEOUT, json);
    }

    @Override
    public Map<CredentialRef, Instant> lastChanges(Set<String> accounts) {
        String query = accounts.stream().map(a -> "account_names=" + InternalServiceClient.encode(a))
                .collect(Collectors.joining("&"));
        try {
            Optional<JsonNode> body = trading.get("internal/sessions/balance-changes" + (query.isEmpty() ? "" : "?" + query));
            if (body.isEmpty()) {
                return Map.of();
            }
            Map<CredentialRef, Instant> changes = new HashMap<>();
            for (JsonNode item : body.get()) {
                changes.put(new CredentialRef(item.get("account_name").asString(), item.get("connector_name").asString()),
                        Instant.parse(item.get("changed_at").asString()));
            }
            return changes;
        } catch (RuntimeException e) { // unavailable, or an answer of another shape: serve what is stored
            log.debug("Balance changes unavailable ({}); serving the stored portfolio", e.toString());
            return Map.of();
        }
    }
}
