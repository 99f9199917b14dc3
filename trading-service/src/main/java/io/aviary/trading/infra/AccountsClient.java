package io.aviary.trading.infra;

import io.aviary.kit.config.ServiceProperties;
import io.aviary.kit.web.AccountCredentialsClient;
import io.aviary.kit.web.CredentialsToken;
import io.aviary.kit.web.InternalServiceClient;
import io.aviary.trading.domain.SessionKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * accounts-service's internal credential API through the kit's {@link AccountCredentialsClient}, in trading's terms
 * (session keys) and with trading's failure type: which credentials exist, and the unsealed fields of one.
 * The values live only in the session that uses them; never logged.
 */
@Component
public class AccountsClient {

    private final AccountCredentialsClient accounts;

    public AccountsClient(@Value("${AVIARY_ACCOUNTS_URL:http://localhost:8101}") String baseUrl,
            @Value("${" + CredentialsToken.ENV + ":}") String credentialsToken, ServiceProperties service, JsonMapper json) {
        this.accounts = new AccountCredentialsClient(baseUrl, credentialsToken, service.internalToken(), "trading-service",
                json);
    }

    /** Every stored credential, by account and connector. */
    public List<SessionKey> credentials() {
        return call(() -> accounts.credentials().stream()
                .map(name -> new SessionKey(name.accountName(), name.connectorName())).toList());
    }

    /** The credential's fields and revision, or empty when the account or credential no longer exists. */
    public Optional<StoredCredential> credential(SessionKey key) {
        return call(() -> accounts.credential(key.accountName(), key.connectorName())
                .map(c -> new StoredCredential(c.revision(), c.fields())));
    }

    /** The revision of the stored credential (one indexed read there, no secret), or empty when it is gone. */
    public Optional<Long> revision(SessionKey key) {
        return call(() -> accounts.revision(key.accountName(), key.connectorName()));
    }

    /** A credential's plaintext fields and the revision they belong to; its text names the fields only. */
    public record StoredCredential(long revision, Map<String, String> fields) {

        @Override
        public String toString() {
            return "StoredCredential[revision=" + revision + ", fields=" + fields.keySet() + "]";
        }
    }

    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
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
