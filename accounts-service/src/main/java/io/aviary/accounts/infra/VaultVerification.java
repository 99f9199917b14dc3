package io.aviary.accounts.infra;

import io.aviary.accounts.domain.SecretSealer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Proves at start-up that CONFIG_PASSWORD is the one the vault was created with. The first start
 * seals a known value; later starts must open it. A mismatch stops the service: running on would
 * fail every credential read and seal new ones under a second password.
 */
public class VaultVerification {

    static final String CONTEXT = "aviary-vault-verification";
    static final String KNOWN_VALUE = "aviary-vault-v1";
    private static final Logger log = LoggerFactory.getLogger(VaultVerification.class);

    private final JdbcTemplate jdbc;
    private final SecretSealer sealer;

    public VaultVerification(JdbcTemplate jdbc, SecretSealer sealer) {
        this.jdbc = jdbc;
        this.sealer = sealer;
    }

    public void verifyOrInitialize() {
        jdbc.update("INSERT INTO vault_verification (id, sealed) VALUES (1, ?) ON CONFLICT (id) DO NOTHING",
                sealer.seal(KNOWN_VALUE, CONTEXT));
        List<String> stored = jdbc.queryForList("SELECT sealed FROM vault_verification WHERE id = 1", String.class);
        try {
            if (!KNOWN_VALUE.equals(sealer.unseal(stored.getFirst(), CONTEXT))) {
                throw new ConfigPasswordMismatchException();
            }
        } catch (SecretSealer.SealBrokenException e) {
            throw new ConfigPasswordMismatchException();
        }
        log.info("Credential vault opened with the configured CONFIG_PASSWORD");
    }

    /** Startup failure with a message that tells the operator what to do. */
    public static final class ConfigPasswordMismatchException extends IllegalStateException {
        public ConfigPasswordMismatchException() {
            super("CONFIG_PASSWORD does not match the password this credential vault was created with. "
                    + "Start accounts-service with the original CONFIG_PASSWORD; the stored credentials cannot be "
                    + "opened with another one.");
        }
    }
}
