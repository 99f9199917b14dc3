package io.aviary.connectors.hummingbot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Hummingbot's {@code ETHKeyFileSecretManger} under one {@code CONFIG_PASSWORD}: a secret value is the hex of the
 * UTF-8 text of a {@link KeyfileV3} JSON. The password check is the file {@code conf/.password_verification}: the
 * word {@value #PASSWORD_VERIFICATION_WORD} encrypted the same way, hex text without a line break; Hummingbot refuses
 * to log in when it is missing or does not decrypt to that word.
 */
public final class HummingbotSecrets {

    public static final String PASSWORD_VERIFICATION_WORD = "HummingBot";
    public static final String PASSWORD_VERIFICATION_FILE = ".password_verification";
    /** A hex-encoded keyfile of a short credential is a few kB. */
    static final int MAX_HEX_CHARS = 2 * KeyfileV3.MAX_JSON_CHARS;

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] password;
    private final KdfSettings settings;
    private KeyfileV3.DerivedKey writeKey;

    /** Writes as Hummingbot does ({@link KdfSettings#HUMMINGBOT}). */
    public HummingbotSecrets(String password) {
        this(password, KdfSettings.HUMMINGBOT);
    }

    /** @param settings the KDF of values this manager encrypts (reading follows each value's own parameters) */
    public HummingbotSecrets(String password, KdfSettings settings) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("the password must not be empty");
        }
        this.password = KeyfileV3.utf8(password);
        this.settings = settings;
    }

    /**
     * The value as Hummingbot writes it into a config file: hex of the keyfile JSON. The key is derived once per
     * manager (one deploy's folder, one {@code connect}): Hummingbot derives per value, 1,000,000 PBKDF2 rounds each,
     * which made a deploy with two credential fields and the password check cost three derivations (over 30 s on a
     * saturated CI machine). Every value still has its own random IV and names the salt, so each keyfile decrypts on
     * its own, with Hummingbot's reader too.
     */
    public String encrypt(String value) {
        String json = KeyfileV3.encrypt(value.getBytes(StandardCharsets.UTF_8), writeKey());
        return HEX.formatHex(json.getBytes(StandardCharsets.UTF_8));
    }

    private synchronized KeyfileV3.DerivedKey writeKey() {
        if (writeKey == null) {
            writeKey = KeyfileV3.derive(password, settings);
        }
        return writeKey;
    }

    /**
     * @throws WrongPasswordException     if the value was written under another password
     * @throws MalformedKeyfileException if the value is no hex-encoded keyfile
     */
    public String decrypt(String encrypted) {
        if (encrypted == null || encrypted.length() > MAX_HEX_CHARS) {
            throw new MalformedKeyfileException("the hex text is missing or longer than " + MAX_HEX_CHARS);
        }
        byte[] json;
        try {
            json = HEX.parseHex(encrypted.strip());
        } catch (IllegalArgumentException e) {
            throw new MalformedKeyfileException("the value is not hex");
        }
        byte[] plain = KeyfileV3.decrypt(new String(json, StandardCharsets.UTF_8), password);
        return new String(plain, StandardCharsets.UTF_8);
    }

    /** Writes {@code <confDir>/.password_verification} for this password (replacing one there). */
    public void writePasswordVerification(Path confDir) {
        try {
            Files.createDirectories(confDir);
            HummingbotFiles.writeAtomically(confDir.resolve(PASSWORD_VERIFICATION_FILE),
                    encrypt(PASSWORD_VERIFICATION_WORD));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks the password against {@code <confDir>/.password_verification} as Hummingbot's login does.
     *
     * @throws WrongPasswordException     if the file was written under another password
     * @throws MalformedKeyfileException if the file holds no keyfile or decrypts to another word
     * @throws java.nio.file.NoSuchFileException (wrapped in {@link UncheckedIOException}) if the file is missing
     */
    public void verifyPassword(Path confDir) {
        String stored;
        try {
            Path file = confDir.resolve(PASSWORD_VERIFICATION_FILE);
            if (Files.size(file) > MAX_HEX_CHARS) {
                throw new MalformedKeyfileException("the file is larger than " + MAX_HEX_CHARS + " bytes");
            }
            stored = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!PASSWORD_VERIFICATION_WORD.equals(decrypt(stored))) {
            throw new MalformedKeyfileException("it does not hold Hummingbot's verification word");
        }
    }

    @Override
    public String toString() {
        return "HummingbotSecrets[password=<hidden>, " + settings + "]";
    }
}
