package io.aviary.trading.infra;

import io.aviary.kit.config.ServiceProperties;
import io.aviary.kit.web.CredentialsToken;
import io.aviary.kit.web.InternalServiceClient;
import io.aviary.trading.domain.SessionKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * accounts-service's internal credential API (internal token plus {@value CredentialsToken#ENV}): which credentials exist, and the
 * unsealed fields of one. The values live only in the session that uses them; never logged.
 */
@Component
public class AccountsClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final InternalServiceClient accounts;

    public AccountsClient(@Value("${AVIARY_ACCOUNTS_URL:http://localhost:8101}") String baseUrl,
            @Value("${" + CredentialsToken.ENV + ":}") String credentialsToken, ServiceProperties service, JsonMapper json) {
        CredentialsToken token = CredentialsToken.require(credentialsToken, "trading-service");
        this.accounts = new InternalServiceClient("accounts-service", baseUrl, service.internalToken(), "trading-service",
                TIMEOUT, json, Map.of(CredentialsToken.HEADER, token.value()));
    }

    /** Every stored credential, by account and connector. */
    public List<SessionKey> credentials() {
        JsonNode body = get("internal/credentials").orElseThrow(
                () -> new AccountsUnavailableException("accounts-service answered 404 for the credential list"));
        List<SessionKey> keys = new ArrayList<>();
        for (JsonNode item : body) {
            keys.add(new SessionKey(item.get("account_name").asString(), item.get("connector_name").asString()));
        }
        return keys;
    }

    /** The credential's fields and revision, or empty when the account or credential no longer exists. */
    public Optional<StoredCredential> credential(SessionKey key) {
        return get(credentialPath(key)).map(body -> {
            Map<String, String> fields = new LinkedHashMap<>();
            body.get("fields").properties().forEach(field -> fields.put(field.getKey(), field.getValue().asString()));
            return new StoredCredential(body.get("revision").asLong(), fields);
        });
    }

    /** The revision of the stored credential (one indexed read there, no secret), or empty when it is gone. */
    public Optional<Long> revision(SessionKey key) {
        return get(credentialPath(key) + "/revision").map(body -> body.get("revision").asLong());
    }

    private static String credentialPath(SessionKey key) {
        return "internal/credentials/" + InternalServiceClient.encode(key.accountName()) + "/"
                + InternalServiceClient.encode(key.connectorName());
    }

    /** A credential's plaintext fields and the revision they belong to; its text names the fields only. */
    public record StoredCredential(long revision, Map<String, String> fields) {

        @Override
        public String toString() {
            return "StoredCredential[revision=" + revision + ", fields=" + fields.keySet() + "]";
        }
    }

    private Optional<JsonNode> get(String path) {
        try {
            return accounts.get(path);
        } catch (InternalServiceClient.UnavailableException e) {
            throw new AccountsUnavailableException(e.getMessage());
        }
    }

    /** accounts-service could not be asked; the caller retries later. */
    public static class AccountsUnavailableException extends RuntimeException {
        public AccountsUnavailableException(String message) {
            super(message);
        }
    }
}
