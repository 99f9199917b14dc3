package io.aviary.accounts.infra;

import io.aviary.accounts.domain.CredentialRef;
import io.aviary.accounts.domain.portfolio.BalanceChangeSource;
import io.aviary.kit.config.ServiceProperties;
import io.aviary.kit.web.InternalServiceClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
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

/**
 * trading-service's internal {@code GET /internal/sessions/balance-changes}, bounded to a short timeout. With several
 * replicas ({@code AVIARY_TRADING_URL} a comma-separated list, ADR 0026) each knows only the sessions it runs: every
 * instance is asked and the latest change per session wins.
 */
@Component
class TradingBalanceChanges implements BalanceChangeSource {

    private static final Logger log = LoggerFactory.getLogger(TradingBalanceChanges.class);
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private final List<InternalServiceClient> instances;

    TradingBalanceChanges(@Value("${AVIARY_TRADING_URL:http://localhost:8102}") String baseUrls, ServiceProperties service,
            JsonMapper json) {
        this.instances = Arrays.stream(baseUrls.split(",")).map(String::strip).filter(u -> !u.isEmpty())
                .map(url -> new InternalServiceClient("trading-service", url, service.internalToken(), "accounts-service",
                        TIMEOUT, json))
                .toList();
    }

    @Override
    public Map<CredentialRef, Instant> lastChanges(Set<String> accounts) {
        String query = accounts.stream().map(a -> "account_names=" + InternalServiceClient.encode(a))
                .collect(Collectors.joining("&"));
        Map<CredentialRef, Instant> changes = new HashMap<>();
        instances.forEach(trading -> lastChanges(trading, query).forEach((ref, at) -> changes.merge(ref, at,
                (a, b) -> a.isAfter(b) ? a : b)));
        return changes;
    }

    private static Map<CredentialRef, Instant> lastChanges(InternalServiceClient trading, String query) {
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
