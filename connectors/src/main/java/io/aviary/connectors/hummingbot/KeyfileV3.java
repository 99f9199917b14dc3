package io.aviary.connectors.hummingbot;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ethereum keyfile v3 (Web3 Secret Storage) as Hummingbot writes one per secret value: the password goes through the
 * KDF to a 32-byte key, its first 16 bytes AES-128-CTR-encrypt the message, and {@code keccak256(key[16..32] ||
 * ciphertext)} is the MAC that tells a wrong password. Hummingbot's variant has no {@code address} or {@code id} and
 * an empty {@code alias}; its JSON is Python's {@code json.dumps} text (", " and ": " separators), which
 * {@link #encrypt} reproduces key for key so a written file reads the same as one Hummingbot wrote.
 */
public final class KeyfileV3 {

    static final int MAX_WORK_FACTOR = 10_000_000;
    /** Bounds what an untrusted file can make scrypt allocate (Hummingbot's own scrypt files need 32 MiB). */
    static final long MAX_SCRYPT_MEMORY = 64L * 1024 * 1024;
    /** A credential is short; this bounds what one value makes us parse. */
    static final int MAX_JSON_CHARS = 32 * 1024;

    private static final int DKLEN = 32;
    private static final int SCRYPT_R = 1;
    private static final int SCRYPT_P = 8;
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private KeyfileV3() {
    }

    /** A key derived from a password with a fresh salt: what a keyfile's {@code kdfparams} describe. */
    public record DerivedKey(KdfSettings settings, byte[] salt, byte[] derived) {
    }

    /** Derives a key from {@code password} with a fresh salt (the expensive step: 1,000,000 PBKDF2 rounds). */
    public static DerivedKey derive(byte[] password, KdfSettings settings) {
        byte[] salt = randomBytes(16);
        byte[] derived = switch (settings.kdf()) {
            case PBKDF2 -> pbkdf2(password, salt, settings.workFactor(), DKLEN);
            case SCRYPT -> scrypt(password, salt, settings.workFactor(), SCRYPT_R, SCRYPT_P, DKLEN);
        };
        return new DerivedKey(settings, salt, derived);
    }

    /** The keyfile JSON text of {@code message} under {@code password}, with a fresh salt and IV. */
    public static String encrypt(byte[] message, byte[] password, KdfSettings settings) {
        return encrypt(message, derive(password, settings));
    }

    /**
     * The keyfile JSON text of {@code message} under an already derived key, with a fresh IV: several keyfiles may
     * share one derivation (each still names the salt it was derived with, so each decrypts on its own).
     */
    public static String encrypt(byte[] message, DerivedKey key) {
        KdfSettings settings = key.settings();
        byte[] salt = key.salt();
        byte[] derived = key.derived();
        // Hummingbot draws the IV as an integer and writes its minimal big-endian bytes (leading zeros dropped)
        byte[] iv = minimalBytes(randomBytes(16));
        byte[] ciphertext = aesCtr(Arrays.copyOf(derived, 16), padIv(iv), message);
        byte[] mac = mac(derived, ciphertext);
        String kdfParams = switch (settings.kdf()) {
            case PBKDF2 -> "\"kdf\": \"pbkdf2\", \"kdfparams\": {\"c\": " + settings.workFactor() + ", \"dklen\": " + DKLEN
                    + ", \"prf\": \"hmac-sha256\", \"salt\": \"" + HEX.formatHex(salt) + "\"}";
            case SCRYPT -> "\"kdf\": \"scrypt\", \"kdfparams\": {\"dklen\": " + DKLEN + ", \"n\": " + settings.workFactor()
                    + ", \"r\": " + SCRYPT_R + ", \"p\": " + SCRYPT_P + ", \"salt\": \"" + HEX.formatHex(salt) + "\"}";
        };
        return "{\"crypto\": {\"cipher\": \"aes-128-ctr\", \"cipherparams\": {\"iv\": \"" + HEX.formatHex(iv)
                + "\"}, \"ciphertext\": \"" + HEX.formatHex(ciphertext) + "\", " + kdfParams + ", \"mac\": \""
                + HEX.formatHex(mac) + "\"}, \"version\": 3, \"alias\": \"\"}";
    }

    /**
     * The message of a keyfile (any v3 keyfile with {@code aes-128-ctr} and {@code pbkdf2}/{@code scrypt}).
     *
     * @throws WrongPasswordException     if the MAC does not match: not the password it was written with
     * @throws MalformedKeyfileException if the text is no keyfile this reader can open
     */
    public static byte[] decrypt(String keyfileJson, byte[] password) {
        JsonNode crypto = parse(keyfileJson).path("crypto");
        if (!"aes-128-ctr".equals(text(crypto, "cipher"))) {
            throw new MalformedKeyfileException("cipher must be aes-128-ctr");
        }
        byte[] iv = hex(text(crypto.path("cipherparams"), "iv"), "cipherparams.iv");
        if (iv.length > 16) {
            throw new MalformedKeyfileException("cipherparams.iv is longer than 16 bytes");
        }
        byte[] ciphertext = hex(text(crypto, "ciphertext"), "ciphertext");
        byte[] expectedMac = hex(text(crypto, "mac"), "mac");
        byte[] derived = derive(crypto, password);
        if (!MessageDigest.isEqual(mac(derived, ciphertext), expectedMac)) {
            throw new WrongPasswordException();
        }
        return aesCtr(Arrays.copyOf(derived, 16), padIv(iv), ciphertext);
    }

    private static byte[] derive(JsonNode crypto, byte[] password) {
        JsonNode params = crypto.path("kdfparams");
        int dklen = number(params, "dklen", DKLEN, 64);
        if (dklen < DKLEN) {
            throw new MalformedKeyfileException("kdfparams.dklen must be at least " + DKLEN);
        }
        byte[] salt = hex(text(params, "salt"), "kdfparams.salt");
        String kdf = text(crypto, "kdf");
        if ("pbkdf2".equals(kdf)) {
            if (!"hmac-sha256".equals(text(params, "prf"))) {
                throw new MalformedKeyfileException("kdfparams.prf must be hmac-sha256");
            }
            return pbkdf2(password, salt, number(params, "c", 1, MAX_WORK_FACTOR), dklen);
        }
        if ("scrypt".equals(kdf)) {
            int n = number(params, "n", 2, MAX_WORK_FACTOR);
            int r = number(params, "r", 1, 64);
            int p = number(params, "p", 1, 64);
            if (Integer.bitCount(n) != 1 || 128L * n * r > MAX_SCRYPT_MEMORY) {
                throw new MalformedKeyfileException("kdfparams.n must be a power of two needing at most "
                        + MAX_SCRYPT_MEMORY / (1024 * 1024) + " MiB");
            }
            return scrypt(password, salt, n, r, p, dklen);
        }
        throw new MalformedKeyfileException("kdf must be pbkdf2 or scrypt");
    }

    /**
     * The JDK's PBKDF2 (SHA-256 intrinsics: about twice BouncyCastle's speed, which matters at Hummingbot's
     * 1,000,000 iterations per secret) where it derives from the same bytes: it takes characters and encodes them as
     * UTF-8, so a password that is not valid UTF-8, or empty, goes through BouncyCastle on its exact bytes.
     */
    private static byte[] pbkdf2(byte[] password, byte[] salt, int iterations, int length) {
        char[] chars = asUtf8Chars(password);
        if (chars != null) {
            try {
                PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, length * 8);
                try {
                    return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
                } finally {
                    spec.clearPassword();
                }
            } catch (GeneralSecurityException e) {
                // not offered by this JDK: BouncyCastle below
            } finally {
                Arrays.fill(chars, '\0');
            }
        }
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
        generator.init(password, salt, iterations);
        return ((KeyParameter) generator.generateDerivedParameters(length * 8)).getKey();
    }

    private static byte[] scrypt(byte[] password, byte[] salt, int n, int r, int p, int length) {
        return Scrypt.derive(password, salt, n, r, p, length);
    }

    private static char[] asUtf8Chars(byte[] password) {
        if (password.length == 0) {
            return null;
        }
        try {
            CharBuffer decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(password));
            char[] chars = new char[decoded.remaining()];
            decoded.get(chars);
            return chars;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static byte[] mac(byte[] derived, byte[] ciphertext) {
        KeccakDigest keccak = new KeccakDigest(256);
        keccak.update(derived, 16, 16);
        keccak.update(ciphertext, 0, ciphertext.length);
        byte[] out = new byte[32];
        keccak.doFinal(out, 0);
        return out;
    }

    private static byte[] aesCtr(byte[] key, byte[] iv, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128-CTR is part of every JDK", e);
        }
    }

    /** The IV as eth-keyfile reads it: an unsigned big-endian integer, so fewer than 16 bytes are left-padded. */
    private static byte[] padIv(byte[] iv) {
        byte[] padded = new byte[16];
        System.arraycopy(iv, 0, padded, 16 - iv.length, iv.length);
        return padded;
    }

    private static byte[] minimalBytes(byte[] value) {
        byte[] bytes = new BigInteger(1, value).toByteArray();
        int start = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        return Arrays.copyOfRange(bytes, start, bytes.length);
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static JsonNode parse(String json) {
        if (json == null || json.length() > MAX_JSON_CHARS) {
            throw new MalformedKeyfileException("missing or longer than " + MAX_JSON_CHARS + " characters");
        }
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                throw new MalformedKeyfileException("not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new MalformedKeyfileException("not JSON");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }

    private static int number(JsonNode node, String field, int min, int max) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min
                || value.intValue() > max) {
            throw new MalformedKeyfileException("kdfparams." + field + " must be a whole number in " + min + ".." + max);
        }
        return value.intValue();
    }

    private static byte[] hex(String text, String field) {
        if (text == null) {
            throw new MalformedKeyfileException(field + " is missing");
        }
        String digits = text.startsWith("0x") ? text.substring(2) : text;
        try {
            return HEX.parseHex(digits);
        } catch (IllegalArgumentException e) {
            throw new MalformedKeyfileException(field + " is not hex");
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
