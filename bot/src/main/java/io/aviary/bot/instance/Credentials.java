package io.aviary.bot.instance;

import io.aviary.connectors.catalog.ConnectorSpec;
import io.aviary.connectors.hummingbot.ConnectorCredentialFiles;
import io.aviary.connectors.hummingbot.HummingbotFileException;
import io.aviary.connectors.hummingbot.HummingbotSecrets;
import io.aviary.connectors.hummingbot.MalformedKeyfileException;
import io.aviary.connectors.hummingbot.WrongPasswordException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The connector credentials of an instance, as Hummingbot's login reads them: {@code CONFIG_PASSWORD} is checked
 * against {@code conf/.password_verification}, then each connector's {@code conf/connectors/<connector>.yml} is
 * decrypted. Only connectors that need credentials (the catalog says which: not the paper ones) need a file and the
 * password. Each secret costs a full key derivation, so the check and the files are read at once.
 */
final class Credentials {

    static final String VERIFICATION_FILE = "conf/" + HummingbotSecrets.PASSWORD_VERIFICATION_FILE;

    private Credentials() {
    }

    static ConnectorCredentials read(Path root, String password, Collection<ConnectorSpec> connectors) {
        List<ConnectorSpec> needing = connectors.stream().filter(ConnectorSpec::requiresCredentials).toList();
        boolean passwordGiven = password != null && !password.isEmpty();
        if (needing.isEmpty()) {
            if (passwordGiven && Files.exists(root.resolve(VERIFICATION_FILE))) {
                // Hummingbot logs in whatever the bot trades: a wrong password stops it all the same
                verify(root, new HummingbotSecrets(password));
            }
            return ConnectorCredentials.none();
        }
        if (!passwordGiven) {
            throw new InvalidInstanceException(null, InstanceFolder.CONFIG_PASSWORD, "is not set; connector "
                    + needing.getFirst().name() + " needs its credentials from conf/connectors/, encrypted under it");
        }
        HummingbotSecrets secrets = new HummingbotSecrets(password);
        CompletableFuture<Void> verified = CompletableFuture.runAsync(() -> verify(root, secrets));
        Map<String, CompletableFuture<Map<String, String>>> files = new LinkedHashMap<>();
        for (ConnectorSpec spec : needing) {
            files.put(spec.name(), CompletableFuture.supplyAsync(() -> connectorFile(root, spec, secrets)));
        }
        // a wrong password is reported as such, not as the first file it fails to open
        join(verified);
        Map<String, Map<String, String>> credentials = new LinkedHashMap<>();
        files.forEach((connector, fields) -> credentials.put(connector, join(fields)));
        return new ConnectorCredentials(credentials);
    }

    private static void verify(Path root, HummingbotSecrets secrets) {
        try {
            secrets.verifyPassword(root.resolve("conf"));
        } catch (WrongPasswordException e) {
            throw new InvalidInstanceException(VERIFICATION_FILE, null,
                    "CONFIG_PASSWORD is wrong: the password check does not decrypt with it (MAC mismatch)");
        } catch (MalformedKeyfileException e) {
            throw new InvalidInstanceException(VERIFICATION_FILE, null, e.getMessage());
        } catch (UncheckedIOException e) {
            throw new InvalidInstanceException(VERIFICATION_FILE, null, e.getCause() instanceof NoSuchFileException
                    ? "file is missing: Hummingbot checks CONFIG_PASSWORD against it; write it with the credentials"
                    : "cannot be read (" + e.getCause().getClass().getSimpleName() + ")");
        }
    }

    private static Map<String, String> connectorFile(Path root, ConnectorSpec spec, HummingbotSecrets secrets) {
        String relative = "conf/" + ConnectorCredentialFiles.CONNECTORS_FOLDER + "/" + spec.name() + ".yml";
        try {
            return ConnectorCredentialFiles.read(root.resolve("conf"), spec, secrets);
        } catch (HummingbotFileException e) {
            String problem = switch (e.reason()) {
                case MISSING -> "file is missing: connector " + spec.name() + " needs its credentials "
                        + spec.configFields();
                case WRONG_PASSWORD -> "CONFIG_PASSWORD does not decrypt it (MAC mismatch): written under another "
                        + "password";
                case MALFORMED -> e.problem();
            };
            throw new InvalidInstanceException(relative, e.key(), problem);
        } catch (UncheckedIOException e) {
            throw new InvalidInstanceException(relative, null, "cannot be read ("
                    + e.getCause().getClass().getSimpleName() + ")");
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
