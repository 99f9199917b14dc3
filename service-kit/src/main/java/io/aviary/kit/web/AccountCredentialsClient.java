package io.aviary.kit.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * accounts-service's internal credential API ({@code /internal/credentials}, internal token plus
 * {@value CredentialsToken#ENV}): which credentials exist, the unsealed fields of one, its revision. Shared by the
 * credentials' consumers (trading-service's sessions, orchestration-service's bot instance folders); the values are
 * never logged.
 */
public final class AccountCredentialsClient {

    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final InternalServiceClient accounts;

    /**
     * @param caller the consuming service's name; it must hold {@value CredentialsToken#ENV}
     * @throws IllegalStateException when the credentials token is not configured (naming the variable only)
     */
    public AccountCredentialsClient(String baseUrl, String credentialsToken, String internalToken, String caller,
            JsonMapper json) {
        CredentialsToken token = CredentialsToken.require(credentialsToken, caller);
        this.accounts = new InternalServiceClient("accounts-service", baseUrl, internalToken, caller, TIMEOUT, json,
                Map.of(CredentialsToken.HEADER, token.value()));
    }

    /** One stored credential's names. */
    public record CredentialName(String accountName, String connectorName) {
    }

    /** A credential's plaintext fields and the revision they belong to; its text names the fields only. */
    public record Credential(long revision, Map<String, String> fields) {

        @Override
        public String toString() {
            return "Credential[revision=" + revision + ", fields=" + fields.keySet() + "]";
        }
    }

    /**
     * Every stored credential, by account and connector.
     *
     * @throws InternalServiceClient.UnavailableException when accounts-service cannot be asked
     */
    public List<CredentialName> credentials() {
        JsonNode body = accounts.get("internal/credentials").orElseThrow(() -> new InternalServiceClient
                .UnavailableException("accounts-service answered 404 for the credential list"));
        List<CredentialName> names = new ArrayList<>();
        for (JsonNode item : body) {
            names.add(new CredentialName(item.get("account_name").asString(), item.get("connector_name").asString()));
        }
        return names;
    }

    /** The credential's fields and revision, or empty when the account or credential does not exist. */
    public Optional<Credential> credential(String accountName, String connectorName) {
        return accounts.get(path(accountName, connectorName)).map(body -> {
            Map<String, String> fields = new LinkedHashMap<>();
            body.get("fields").properties().forEach(field -> fields.put(field.getKey(), field.getValue().asString()));
            return new Credential(body.get("revision").asLong(), fields);
        });
    }

    /** The revision of the stored credential (one indexed read there, no secret), or empty when it is gone. */
    public Optional<Long> revision(String accountName, String connectorName) {
        return accounts.get(path(accountName, connectorName) + "/revision").map(body -> body.get("revision").asLong());
    }

    private static String path(String accountName, String connectorName) {
        return "internal/credentials/" + InternalServiceClient.encode(accountName) + "/"
                + InternalServiceClient.encode(connectorName);
    }
}
