package io.aviary.accounts.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * Seals secrets with AES-256-GCM. One key-encryption key (KEK) is derived from the configuration password with
 * Argon2id (memory-hard) and the vault's own random salt, once, when the sealer is built; each secret then gets
 * its own key from the KEK with HKDF-SHA256 over a random per-secret salt and its context. Every sealed value
 * has its own salt and nonce and is bound to its context (account/connector/field) as additional authenticated
 * data, so a value copied into another slot fails to open. Format:
 * {@code v2.hkdf-sha256.<salt>.<nonce>.<ciphertext+tag>} (base64url).
 *
 * <p>Why not Argon2 per secret (the {@code v1} format, still opened): it cost one 19 MiB Argon2 run per field on
 * every read, which made opening a session take hundreds of milliseconds and let a burst of reads exhaust
 * memory. {@code v1} values are opened with their recorded parameters, bounded, at most two at a time:
 * {@code v1.argon2id.<memoryKiB>.<iterations>.<parallelism>.<salt>.<nonce>.<ciphertext+tag>}.
 */
public final class SecretSealer {

    /** OWASP's Argon2id baseline (19 MiB, 2 passes, 1 lane). */
    public static final KdfParams DEFAULT_PARAMS = new KdfParams(19 * 1024, 2, 1);

    private static final String LEGACY_VERSION = "v1";
    private static final String LEGACY_KDF = "argon2id";
    private static final String VERSION = "v2";
    private static final String KDF = "hkdf-sha256";
    /** Bounds on the parameters a stored v1 value may ask for: beyond them it is refused, not computed. */
    private static final KdfParams LEGACY_LIMIT = new KdfParams(256 * 1024, 16, 8);
    private static final Semaphore LEGACY_UNSEALS = new Semaphore(2);
    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int KEY_BYTES = 32;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final byte[] password;
    private final KdfParams params;
    private final byte[] keyEncryptionKey;
    private final SecureRandom random;

    public record KdfParams(int memoryKiB, int iterations, int parallelism) {

        boolean within(KdfParams limit) {
            return memoryKiB >= 8 && memoryKiB <= limit.memoryKiB() && iterations >= 1 && iterations <= limit.iterations()
                    && parallelism >= 1 && parallelism <= limit.parallelism();
        }
    }

    /**
     * @param vaultSalt the vault's own random salt (stored with the vault); with the password it yields the KEK
     */
    public SecretSealer(String configPassword, KdfParams params, byte[] vaultSalt) {
        if (configPassword == null || configPassword.isEmpty()) {
            throw new IllegalArgumentException("CONFIG_PASSWORD is not set");
        }
        if (vaultSalt == null || vaultSalt.length < SALT_BYTES) {
            throw new IllegalArgumentException("the vault salt must have at least " + SALT_BYTES + " bytes");
        }
        this.password = configPassword.getBytes(StandardCharsets.UTF_8);
        this.params = params;
        this.random = new SecureRandom();
        this.keyEncryptionKey = argon2(vaultSalt, params);
    }

    /** A new random vault salt, for a vault's first start. */
    public static byte[] newVaultSalt() {
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        return salt;
    }

    public String seal(String plaintext, String context) {
        byte[] salt = randomBytes(SALT_BYTES);
        byte[] nonce = randomBytes(NONCE_BYTES);
        byte[] key = secretKey(salt, context);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, key, nonce, context).doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return String.join(".", VERSION, KDF, B64.encodeToString(salt), B64.encodeToString(nonce),
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
        String[] parts = sealed.split("\\.", 9);
        try {
            if (parts.length == 5 && VERSION.equals(parts[0]) && KDF.equals(parts[1])) {
                byte[] key = secretKey(B64D.decode(parts[2]), context);
                return open(key, B64D.decode(parts[3]), B64D.decode(parts[4]), context);
            }
            if (parts.length == 8 && LEGACY_VERSION.equals(parts[0]) && LEGACY_KDF.equals(parts[1])) {
                return unsealLegacy(parts, context);
            }
        } catch (IllegalArgumentException e) { // bad base64 or numbers: an altered value
            throw new SealBrokenException("not a well-formed sealed value");
        }
        throw new SealBrokenException("not a sealed value of a known version");
    }

    private String unsealLegacy(String[] parts, String context) {
        KdfParams stored = new KdfParams(Integer.parseInt(parts[2]), Integer.parseInt(parts[3]), Integer.parseInt(parts[4]));
        if (!stored.within(LEGACY_LIMIT)) {
            throw new SealBrokenException("v1 KDF parameters out of bounds");
        }
        LEGACY_UNSEALS.acquireUninterruptibly();
        byte[] key;
        try {
            key = argon2(B64D.decode(parts[5]), stored);
        } finally {
            LEGACY_UNSEALS.release();
        }
        return open(key, B64D.decode(parts[6]), B64D.decode(parts[7]), context);
    }

    /** Decrypts and wipes {@code key}. */
    private static String open(byte[] key, byte[] nonce, byte[] sealed, String context) {
        if (nonce.length != NONCE_BYTES) {
            Arrays.fill(key, (byte) 0);
            throw new SealBrokenException("not a well-formed sealed value");
        }
        try {
            byte[] plain = cipher(Cipher.DECRYPT_MODE, key, nonce, context).doFinal(sealed);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SealBrokenException("authentication failed: wrong CONFIG_PASSWORD, wrong slot, or altered value");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The key of one secret: HKDF-SHA256 of the KEK with the secret's salt, bound to its context. */
    private byte[] secretKey(byte[] salt, String context) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(keyEncryptionKey, salt, context.getBytes(StandardCharsets.UTF_8)));
        byte[] key = new byte[KEY_BYTES];
        hkdf.generateBytes(key, 0, KEY_BYTES);
        return key;
    }

    private byte[] argon2(byte[] salt, KdfParams kdf) {
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
