package io.aviary.connectors.hummingbot;

/**
 * How a new keyfile derives its key from the password. {@link #HUMMINGBOT} is what Hummingbot writes
 * ({@code _create_v3_keyfile_json}: eth-keyfile's default PBKDF2-HMAC-SHA256 with 1,000,000 iterations); scrypt uses
 * eth-keyfile's {@code r = 1}, {@code p = 8} with {@code n = workFactor}. Reading takes whatever a keyfile names.
 *
 * @param workFactor PBKDF2 iterations or scrypt's {@code n} (a power of two)
 */
public record KdfSettings(Kdf kdf, int workFactor) {

    public enum Kdf {
        PBKDF2, SCRYPT
    }

    public static final KdfSettings HUMMINGBOT = new KdfSettings(Kdf.PBKDF2, 1_000_000);
    /** eth-keyfile's default scrypt cost. */
    public static final KdfSettings SCRYPT_DEFAULT = new KdfSettings(Kdf.SCRYPT, 262_144);

    public KdfSettings {
        if (kdf == null || workFactor < 1 || workFactor > KeyfileV3.MAX_WORK_FACTOR) {
            throw new IllegalArgumentException("a KDF and a work factor in 1.." + KeyfileV3.MAX_WORK_FACTOR);
        }
        if (kdf == Kdf.SCRYPT && Integer.bitCount(workFactor) != 1) {
            throw new IllegalArgumentException("scrypt's n must be a power of two");
        }
    }
}
