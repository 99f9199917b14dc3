package io.aviary.accounts.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Seals secrets with AES-256-GCM under a key derived from the configuration password with
 * Argon2id (memory-hard). Every sealed value has its own random salt and nonce, and is bound to a
 * context (its account/connector/field) as additional authenticated data, so a value copied into
 * another slot fails to open. The sealed form records the KDF parameters, so they can be raised
 * later without breaking stored values:
 * {@code v1.argon2id.<memoryKiB>.<iterations>.<parallelism>.<salt>.<nonce>.<ciphertext+tag>} (base64url).
 */
public final class SecretSealer {

    /** OWASP's Argon2id baseline (19 MiB, 2 passes, 1 lane). */
    public static final KdfParams DEFAULT_PARAMS = new KdfParams(19 * 1024, 2, 1);

    private static final String VERSION = "v1";
    private static final String KDF = "argon2id";
    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int KEY_BYTES = 32;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final byte[] password;
    private final KdfParams params;
    private final SecureRandom random;

    public record KdfParams(int memoryKiB, int iterations, int parallelism) {
    }

    public SecretSealer(String configPassword, KdfParams params) {
        if (configPassword == null || configPassword.isEmpty()) {
            throw new IllegalArgumentException("CONFIG_PASSWORD is not set");
        }
        this.password = configPassword.getBytes(StandardCharsets.UTF_8);
        this.params = params;
        this.random = new SecureRandom();
    }

    public String seal(String plaintext, String context) {
        byte[] salt = randomBytes(SALT_BYTES);
        byte[] nonce = randomBytes(NONCE_BYTES);
        byte[] key = deriveKey(salt, params);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, key, nonce, context).doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return String.join(".", VERSION, KDF, Integer.toString(params.memoryKiB()), Integer.toString(params.iterations()),
                    Integer.toString(params.parallelism()), B64.encodeToString(salt), B64.encodeToString(nonce),
                    B64.encodeToString(sealed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * Opens a sealed value.
     *
     * @throws SealBrokenException when the password or the context is not the one it was sealed with,
     *                             or the value was altered
     */
    public String unseal(String sealed, String context) {
        String[] parts = sealed.split("\\.");
        if (parts.length != 8 || !VERSION.equals(parts[0]) || !KDF.equals(parts[1])) {
            throw new SealBrokenException("not a v1 sealed value");
        }
        KdfParams stored = new KdfParams(Integer.parseInt(parts[2]), Integer.parseInt(parts[3]), Integer.parseInt(parts[4]));
        byte[] key = deriveKey(B64D.decode(parts[5]), stored);
        try {
            byte[] plain = cipher(Cipher.DECRYPT_MODE, key, B64D.decode(parts[6]), context).doFinal(B64D.decode(parts[7]));
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SealBrokenException("authentication failed: wrong CONFIG_PASSWORD, wrong slot, or altered value");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private byte[] deriveKey(byte[] salt, KdfParams kdf) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(kdf.memoryKiB())
                .withIterations(kdf.iterations())
                .withParallelism(kdf.parallelism())
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] key = new byte[KEY_BYTES];
        generator.generateBytes(password, key);
        return key;
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    @Override
    public String toString() {
        return "SecretSealer[" + params + "]";
    }

    /** A sealed value that cannot be opened with this password in this context. */
    public static final class SealBrokenException extends RuntimeException {
        public SealBrokenException(String message) {
            super(message);
        }
    }
}
