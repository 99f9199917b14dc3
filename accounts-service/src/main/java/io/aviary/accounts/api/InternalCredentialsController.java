package io.aviary.accounts.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.aviary.accounts.app.AccountsService;
import io.aviary.accounts.app.AccountsService.OpenedCredential;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Plaintext credentials for the services that host live sessions (trading-service). Reachable only
 * with the internal token (the kit's filter guards every path) and never through the gateway,
 * which routes public prefixes only. Not in the public API documentation.
 */
@Hidden
@RestController
@RequestMapping("/internal/credentials")
public class InternalCredentialsController {

    /** Optional header naming the calling service, recorded in the audit trail. */
    public static final String CALLER_HEADER = io.aviary.kit.web.InternalServiceClient.CALLER_HEADER;
    private static final Pattern CALLER = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final AccountsService accounts;

    public InternalCredentialsController(AccountsService accounts) {
        this.accounts = accounts;
    }

    @GetMapping({"", "/"})
    public ResponseEntity<List<CredentialName>> list() {
        List<CredentialName> names = accounts.storedCredentials().stream()
                .map(c -> new CredentialName(c.accountName(), c.connectorName())).toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(names);
    }

    @GetMapping("/{account_name}/{connector_name}")
    public ResponseEntity<Credential> open(@PathVariable("account_name") String accountName,
            @PathVariable("connector_name") String connectorName,
            @RequestHeader(name = CALLER_HEADER, required = false) String caller) {
        OpenedCredential opened = accounts.openCredential(accountName, connectorName, auditable(caller));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new Credential(accountName, connectorName, opened.revision(), opened.fields()));
    }

    /** Which revision of the credential is stored (404 when it or its account is gone); no secret, not audited. */
    @GetMapping("/{account_name}/{connector_name}/revision")
    public ResponseEntity<Revision> revision(@PathVariable("account_name") String accountName,
            @PathVariable("connector_name") String connectorName) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new Revision(accounts.credentialRevision(accountName, connectorName)));
    }

    /** The caller as it may appear in a log line: a plain name, else "unnamed". */
    private static String auditable(String caller) {
        return caller != null && CALLER.matcher(caller).matches() ? caller : "unnamed";
    }

    public record CredentialName(@JsonProperty("account_name") String accountName,
            @JsonProperty("connector_name") String connectorName) {
    }

    public record Revision(long revision) {
    }

    public record Credential(@JsonProperty("account_name") String accountName,
            @JsonProperty("connector_name") String connectorName, long revision, Map<String, String> fields) {

        @Override
        public String toString() {
            return "Credential[" + accountName + "/" + connectorName + ", fields=" + fields.keySet() + "]";
        }
    }
}
