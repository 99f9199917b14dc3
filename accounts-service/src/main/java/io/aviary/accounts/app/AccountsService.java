package io.aviary.accounts.app;

import io.aviary.accounts.domain.AccountName;
import io.aviary.accounts.domain.CredentialForm;
import io.aviary.accounts.domain.CredentialRef;
import io.aviary.accounts.domain.SecretSealer;
import io.aviary.accounts.infra.AccountRepository;
import io.aviary.accounts.infra.AccountRepository.SealedCredential;
import io.aviary.common.events.accounts.AccountCreated;
import io.aviary.common.events.accounts.AccountDeleted;
import io.aviary.common.events.accounts.CredentialAdded;
import io.aviary.common.events.accounts.CredentialRemoved;
import io.aviary.connectors.catalog.ConnectorCatalog;
import io.aviary.connectors.catalog.ConnectorSpec;
import io.aviary.kit.events.EventOutbox;
import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.failure.NotFound;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The accounts vault's use cases. Each write and its event commit in one transaction (the event
 * goes through the outbox), so a failure leaves neither a half-written account nor a stray event.
 */
@Service
public class AccountsService {

    /** Audit trail of vault changes: names only, never credential values. */
    private static final Logger audit = LoggerFactory.getLogger("io.aviary.accounts.audit");

    private final AccountRepository accounts;
    private final ConnectorCatalog connectors;
    private final SecretSealer sealer;
    private final EventOutbox outbox;
    private final CredentialVerifier verifier;
    private final TransactionTemplate tx;

    public AccountsService(AccountRepository accounts, ConnectorCatalog connectors, SecretSealer sealer, EventOutbox outbox,
            CredentialVerifier verifier, TransactionTemplate tx) {
        this.accounts = accounts;
        this.connectors = connectors;
        this.sealer = sealer;
        this.outbox = outbox;
        this.verifier = verifier;
        this.tx = tx;
    }

    /** One statement, so no transaction around it (a read-only one costs a COMMIT round trip and the interceptor). */
    public List<String> listAccounts() {
        return accounts.accountNames();
    }

    @Transactional
    public void addAccount(String name) {
        AccountName account = accountName(name);
        if (!accounts.insert(account)) {
            throw new InvalidRequest("Account already exists.");
        }
        outbox.append(new AccountCreated(account.value()));
        audit.info("Account created: {}", account);
    }

    @Transactional
    public void deleteAccount(String name) {
        AccountName account = accountName(name);
        if (account.isMaster()) {
            throw new InvalidRequest("Cannot delete master account.");
        }
        requireLocked(account);
        for (String connector : accounts.connectorNames(account)) {
            outbox.append(new CredentialRemoved(account.value(), connector, CredentialRemoved.Reason.ACCOUNT_DELETED));
        }
        accounts.delete(account);
        outbox.append(new AccountDeleted(account.value()));
        audit.info("Account deleted: {}", account);
    }

    @Transactional(readOnly = true)
    public List<String> listCredentials(String name) {
        AccountName account = accountName(name);
        if (!accounts.exists(account)) {
            throw accountNotFound(account);
        }
        return accounts.connectorNames(account);
    }

    /**
     * Checks the credential with the venue, then seals every field and replaces any earlier
     * credential for the connector. The venue call happens outside the database transaction so no
     * row stays locked while a venue is slow.
     */
    public void addCredential(String accountName, String connectorName, Map<String, Object> submitted) {
        AccountName account = accountName(accountName);
        ConnectorSpec connector = connector(connectorName);
        Map<String, String> values = validate(connector, submitted);
        if (!accounts.exists(account)) {
            throw accountNotFound(account);
        }
        verifier.verify(account.value(), connector, values);
        tx.executeWithoutResult(status -> store(account, connector, values));
    }

    private void store(AccountName account, ConnectorSpec connector, Map<String, String> values) {
        requireLocked(account);
        Map<String, String> sealed = new LinkedHashMap<>();
        values.forEach((field, value) -> sealed.put(field, sealer.seal(value, slot(account, connector.name(), field))));
        accounts.replaceCredential(account, connector.name(), sealed);
        outbox.append(new CredentialAdded(account.value(), connector.name(), List.copyOf(values.keySet())));
        audit.info("Credential stored: account={} connector={} fields={}", account, connector.name(), values.keySet());
    }

    @Transactional
    public void deleteCredential(String accountName, String connectorName) {
        AccountName account = accountName(accountName);
        requireLocked(account);
        if (!accounts.deleteCredential(account, connectorName)) {
            throw noCredential(account, connectorName);
        }
        outbox.append(new CredentialRemoved(account.value(), connectorName, CredentialRemoved.Reason.DELETED));
        audit.info("Credential deleted: account={} connector={}", account, connectorName);
    }

    /** Every stored credential by name, for services that open all sessions at start-up. */
    @Transactional(readOnly = true)
    public List<CredentialRef> storedCredentials() {
        return accounts.credentialNames();
    }

    /**
     * The plaintext fields of one credential, for the internal API only. The audit line names who
     * asked and for what; the values go nowhere but the return value.
     *
     * @param caller what the calling service says it is (for the audit trail; not an authorisation)
     */
    @Transactional(readOnly = true)
    public OpenedCredential openCredential(String accountName, String connectorName, String caller) {
        AccountName account = accountName(accountName);
        if (!accounts.exists(account)) {
            throw accountNotFound(account);
        }
        SealedCredential sealed = accounts.sealedCredential(account, connectorName)
                .orElseThrow(() -> noCredential(account, connectorName));
        Map<String, String> plain = new LinkedHashMap<>();
        sealed.sealedFields().forEach((field, value) -> plain.put(field, sealer.unseal(value, slot(account, connectorName, field))));
        audit.info("Credential read: account={} connector={} fields={} caller={}", account, connectorName, plain.keySet(),
                caller);
        return new OpenedCredential(sealed.revision(), plain);
    }

    /**
     * The revision of a stored credential, for services that hold a session opened from it: a
     * different revision means it was replaced, a 404 that it (or its account) is gone. Reads no
     * secret, so it is not audited. Asked on every order trading-service places: one indexed read, no transaction
     * (the second read only picks the 404's wording when the first found nothing, so they need not agree).
     */
    public long credentialRevision(String accountName, String connectorName) {
        AccountName account = accountName(accountName);
        return accounts.revision(account, connectorName).orElseThrow(() -> accounts.exists(account)
                ? noCredential(account, connectorName) : accountNotFound(account));
    }

    /** The plaintext fields of a credential and the revision they belong to. */
    public record OpenedCredential(long revision, Map<String, String> fields) {

        @Override
        public String toString() {
            return "OpenedCredential[revision=" + revision + ", fields=" + fields.keySet() + "]";
        }
    }

    /** The AAD a field is sealed under: a value moved to another slot no longer opens. */
    static String slot(AccountName account, String connector, String field) {
        return "credential:" + account.value() + ":" + connector + ":" + field;
    }

    private void requireLocked(AccountName account) {
        if (!accounts.lock(account)) {
            throw accountNotFound(account);
        }
    }

    private ConnectorSpec connector(String name) {
        return connectors.find(name).orElseThrow(() -> new InvalidRequest(
                "Unknown connector '" + name + "'. GET /connectors/ lists the supported connectors."));
    }

    private static Map<String, String> validate(ConnectorSpec connector, Map<String, Object> submitted) {
        try {
            return CredentialForm.validate(connector, submitted);
        } catch (CredentialForm.InvalidCredentialException e) {
            throw new InvalidRequest(e.getMessage());
        }
    }

    private static AccountName accountName(String name) {
        try {
            return new AccountName(name);
        } catch (AccountName.InvalidAccountNameException e) {
            throw new InvalidRequest(e.getMessage());
        }
    }

    private static NotFound noCredential(AccountName account, String connector) {
        return new NotFound("Account '" + account + "' has no credential for connector '" + connector + "'");
    }

    private static NotFound accountNotFound(AccountName account) {
        return new NotFound("Account '" + account + "' not found");
    }
}
