package io.aviary.accounts.infra;

import io.aviary.accounts.domain.AccountName;
import io.aviary.accounts.domain.CredentialRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Accounts and their sealed credentials in schema {@code accounts}. */
@Repository
public class AccountRepository {

    private final JdbcTemplate jdbc;

    public AccountRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> accountNames() {
        return jdbc.queryForList("SELECT name FROM account ORDER BY name", String.class);
    }

    public boolean exists(AccountName account) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM account WHERE name = ?)",
                Boolean.class, account.value()));
    }

    /** @return false when the account already existed */
    public boolean insert(AccountName account) {
        return jdbc.update("INSERT INTO account (name) VALUES (?) ON CONFLICT (name) DO NOTHING", account.value()) == 1;
    }

    /** Locks the account row for the rest of the transaction; false when it does not exist. */
    public boolean lock(AccountName account) {
        return !jdbc.queryForList("SELECT name FROM account WHERE name = ? FOR UPDATE", String.class, account.value())
                .isEmpty();
    }

    public void delete(AccountName account) {
        jdbc.update("DELETE FROM account WHERE name = ?", account.value());
    }

    public List<String> connectorNames(AccountName account) {
        return jdbc.queryForList("SELECT connector_name FROM credential WHERE account_name = ? ORDER BY connector_name",
                String.class, account.value());
    }

    /** Replaces the credential of {@code connector} under {@code account} with these sealed fields. */
    public void replaceCredential(AccountName account, String connector, Map<String, String> sealedFields) {
        jdbc.update("""
                INSERT INTO credential (account_name, connector_name) VALUES (?, ?)
                ON CONFLICT (account_name, connector_name)
                DO UPDATE SET updated_at = now(), revision = nextval('credential_revision')""",
                account.value(), connector);
        jdbc.update("DELETE FROM credential_field WHERE account_name = ? AND connector_name = ?", account.value(), connector);
        jdbc.batchUpdate("INSERT INTO credential_field (account_name, connector_name, field_name, sealed_value) VALUES (?, ?, ?, ?)",
                sealedFields.entrySet().stream()
                        .map(field -> new Object[] {account.value(), connector, field.getKey(), field.getValue()})
                        .toList());
    }

    /** @return false when there was no such credential */
    public boolean deleteCredential(AccountName account, String connector) {
        return jdbc.update("DELETE FROM credential WHERE account_name = ? AND connector_name = ?",
                account.value(), connector) == 1;
    }

    /** Every stored credential, by name only, ordered by account then connector. */
    public List<CredentialRef> credentialNames() {
        return jdbc.query("SELECT account_name, connector_name FROM credential ORDER BY account_name, connector_name",
                (rs, i) -> new CredentialRef(rs.getString(1), rs.getString(2)));
    }

    /** The revision of one stored credential (new on every write); empty when there is no such credential. */
    public Optional<Long> revision(AccountName account, String connector) {
        return jdbc.queryForList("SELECT revision FROM credential WHERE account_name = ? AND connector_name = ?",
                Long.class, account.value(), connector).stream().findFirst();
    }

    /**
     * The sealed fields of one credential and their revision; empty when there is no such credential.
     * A credential of a connector without config fields (paper trading) exists with an empty map.
     */
    public Optional<SealedCredential> sealedCredential(AccountName account, String connector) {
        Optional<Long> revision = revision(account, connector);
        if (revision.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        jdbc.query("SELECT field_name, sealed_value FROM credential_field WHERE account_name = ? AND connector_name = ? "
                        + "ORDER BY field_name",
                rs -> {
                    fields.put(rs.getString(1), rs.getString(2));
                }, account.value(), connector);
        return Optional.of(new SealedCredential(revision.get(), fields));
    }

    /** A credential as stored: its revision and its sealed field values by field name. */
    public record SealedCredential(long revision, Map<String, String> sealedFields) {
    }
}
