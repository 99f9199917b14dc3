package io.aviary.connectors.venues.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The digests venues sign requests with. Keys never leave these methods. */
public final class Signing {

    private Signing() {
    }

    public static byte[] hmac(String algorithm, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " unavailable", e);
        }
    }

    public static String hmacSha256Hex(String secret, String data) {
        return HexFormat.of().formatHex(hmac("HmacSHA256", utf8(secret), utf8(data)));
    }

    public static String hmacSha256Base64(String secret, String data) {
        return Base64.getEncoder().encodeToString(hmac("HmacSHA256", utf8(secret), utf8(data)));
    }

    public static String hmacSha512Hex(String secret, String data) {
        return HexFormat.of().formatHex(hmac("HmacSHA512", utf8(secret), utf8(data)));
    }

    public static byte[] sha256(byte[] data) {
        return digest("SHA-256", data);
    }

    public static String sha512Hex(String data) {
        return HexFormat.of().formatHex(digest("SHA-512", utf8(data == null ? "" : data)));
    }

    public static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " unavailable", e);
        }
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
