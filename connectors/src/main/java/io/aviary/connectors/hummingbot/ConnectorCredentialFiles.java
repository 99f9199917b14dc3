package io.aviary.connectors.hummingbot;

import io.aviary.connectors.catalog.ConnectorSpec;
import io.aviary.connectors.hummingbot.HummingbotFileException.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A connector's credentials in Hummingbot's {@code conf/connectors/<connector>.yml}, as Hummingbot's
 * {@code save_to_yml} writes its connector config map: a {@code ###   <connector> config   ###} title block, then
 * each field in config order as its own {@code yaml.safe_dump} fragment after a blank line: {@code connector}
 * first, secret fields encrypted by {@link HummingbotSecrets}, other fields plain. Hummingbot reads it with
 * {@code extra="forbid"}: exactly these keys, every field present.
 */
public final class ConnectorCredentialFiles {

    public static final String CONNECTORS_FOLDER = "connectors";
    private static final String CONNECTOR_KEY = "connector";

    private ConnectorCredentialFiles() {
    }

    /** {@code <confDir>/connectors/<connector>.yml}. */
    public static Path path(Path confDir, String connector) {
        return confDir.resolve(CONNECTORS_FOLDER).resolve(connector + ".yml");
    }

    /**
     * Writes the connector's file (replacing one there) with every config field of {@code spec}.
     *
     * @throws IllegalArgumentException naming the first config field missing from {@code values} or the first key
     *                                  that is no config field of the connector
     */
    public static Path write(Path confDir, ConnectorSpec spec, Map<String, String> values, HummingbotSecrets secrets) {
        for (String key : values.keySet()) {
            if (!spec.configFields().contains(key)) {
                throw new IllegalArgumentException(spec.name() + " has no credential field " + shortened(key));
            }
        }
        StringBuilder text = new StringBuilder(title(spec.name()));
        text.append('\n').append(HummingbotFiles.dump(Map.of(CONNECTOR_KEY, spec.name())));
        for (String field : spec.configFields()) {
            String value = values.get(field);
            if (value == null) {
                throw new IllegalArgumentException(spec.name() + " needs the credential field " + field);
            }
            String written = spec.secretFields().contains(field) ? secrets.encrypt(value) : value;
            text.append('\n').append(HummingbotFiles.dump(Map.of(field, written)));
        }
        Path file = path(confDir, spec.name());
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HummingbotFiles.writeAtomically(file, text.toString());
        return file;
    }

    /**
     * The connector's credential fields, secrets decrypted, in config order.
     *
     * @throws HummingbotFileException {@code MISSING} without the file, {@code WRONG_PASSWORD} if a secret does not
     *                                 open with the password, {@code MALFORMED} for anything else, naming the key
     */
    public static Map<String, String> read(Path confDir, ConnectorSpec spec, HummingbotSecrets secrets) {
        Path file = path(confDir, spec.name());
        Map<String, Object> content = HummingbotFiles.readMapping(file);
        if (!spec.name().equals(content.get(CONNECTOR_KEY))) {
            throw new HummingbotFileException(file, CONNECTOR_KEY, Reason.MALFORMED, "must be " + spec.name());
        }
        for (String key : content.keySet()) {
            if (!key.equals(CONNECTOR_KEY) && !spec.configFields().contains(key)) {
                throw new HummingbotFileException(file, shortened(key), Reason.MALFORMED,
                        "unknown key; " + spec.name() + " takes " + spec.configFields());
            }
        }
        // each secret costs a full key derivation (1,000,000 PBKDF2 rounds as Hummingbot writes them): all at once
        Map<String, CompletableFuture<String>> pending = new LinkedHashMap<>();
        for (String field : spec.configFields()) {
            boolean secret = spec.secretFields().contains(field);
            String value = required(file, field, content.get(field));
            pending.put(field, secret && !value.isEmpty()
                    ? CompletableFuture.supplyAsync(() -> decrypted(file, field, value, secrets))
                    // Hummingbot leaves an empty secret as it is
                    : CompletableFuture.completedFuture(value));
        }
        Map<String, String> values = new LinkedHashMap<>();
        pending.forEach((field, value) -> values.put(field, joined(value)));
        return values;
    }

    private static String required(Path file, String field, Object raw) {
        if (raw == null) {
            throw new HummingbotFileException(file, field, Reason.MALFORMED, "is required");
        }
        return String.valueOf(raw);
    }

    private static String decrypted(Path file, String field, String value, HummingbotSecrets secrets) {
        try {
            return secrets.decrypt(value);
        } catch (WrongPasswordException e) {
            throw new HummingbotFileException(file, field, Reason.WRONG_PASSWORD,
                    e.getMessage() + " (written under another CONFIG_PASSWORD)");
        } catch (MalformedKeyfileException e) {
            throw new HummingbotFileException(file, field, Reason.MALFORMED, e.getMessage());
        }
    }

    /** The value, or the first field's failure in config order (not whichever thread failed first). */
    private static String joined(CompletableFuture<String> value) {
        try {
            return value.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Hummingbot's {@code _adorn_title}: the title line framed by lines of {@code #} as long as it. */
    private static String title(String connector) {
        String line = "###   " + connector + " config   ###";
        String frame = "#".repeat(line.length());
        return frame + "\n" + line + "\n" + frame + "\n";
    }

    private static String shortened(String key) {
        return key.length() <= 40 ? key : key.substring(0, 40) + "…";
    }
}
