package io.aviary.orchestration.deploy;

import io.aviary.kit.failure.Unavailable;
import io.aviary.kit.web.AccountCredentialsClient;
import io.aviary.kit.web.AccountCredentialsClient.Credential;
import io.aviary.kit.web.CredentialsToken;
import io.aviary.kit.web.InternalServiceClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * An account's exchange credentials, read from accounts-service's credential API with the kit's client (as
 * trading-service reads them), for writing into a bot's instance folder. Without {@value CredentialsToken#ENV} the
 * service still serves everything else; only deploys answer 503.
 */
@Component
public class AccountCredentials {

    private final AccountCredentialsClient client;

    public AccountCredentials(@Value("${AVIARY_ACCOUNTS_URL:http://localhost:8101}") String baseUrl,
            @Value("${" + CredentialsToken.ENV + ":}") String credentialsToken,
            @Value("${aviary.service.internal-token:}") String internalToken, JsonMapper json) {
        this.client = credentialsToken == null || credentialsToken.isBlank() ? null
                : new AccountCredentialsClient(baseUrl, credentialsToken, internalToken,
                        "orchestration-service", json);
    }

    /**
     * Every credential of the account, by connector; empty when the account has none (or does not exist).
     *
     * @throws Unavailable when accounts-service cannot be asked or the token is not configured
     */
    public Map<String, Map<String, String>> of(String accountName) {
        if (client == null) {
            throw new Unavailable(CredentialsToken.ENV + " is not set on orchestration-service: it reads the "
                    + "account's credentials from accounts-service to deploy a bot");
        }
        try {
            Map<String, Map<String, String>> credentials = new LinkedHashMap<>();
            for (var name : client.credentials()) {
                if (name.accountName().equals(accountName)) {
                    Optional<Credential> credential = client.credential(accountName, name.connectorName());
                    credential.ifPresent(c -> credentials.put(name.connectorName(), c.fields()));
                }
            }
            return credentials;
        } catch (InternalServiceClient.UnavailableException e) {
            throw new Unavailable(e.getMessage());
        }
    }
}
