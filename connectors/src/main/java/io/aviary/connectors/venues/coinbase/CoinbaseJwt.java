package io.aviary.connectors.venues.coinbase;

import io.aviary.connectors.venues.support.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import tools.jackson.databind.node.ObjectNode;

/**
 * Coinbase Developer Platform request JWTs (ES256): header {@code {alg:ES256, kid:<key name>, nonce, typ:JWT}},
 * claims {@code {sub:<key name>, iss:"cdp", nbf, exp:nbf+120, uri:"METHOD host/path"}}, signed with the
 * key's EC P-256 private key (PEM, SEC1 "EC PRIVATE KEY" or PKCS#8 "PRIVATE KEY").
 */
final class CoinbaseJwt {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** DER of AlgorithmIdentifier {id-ecPublicKey, prime256v1}. */
    private static final byte[] EC_P256_ALGORITHM = HexFormat.of().parseHex("301306072a8648ce3d020106082a8648ce3d030107");

    private final String keyName;
    private final PrivateKey key;

    CoinbaseJwt(String keyName, String pemSecret) throws GeneralSecurityException {
        this.keyName = keyName;
        this.key = parse(pemSecret);
    }

    String token(String method, String hostAndPath) {
        long now = System.currentTimeMillis() / 1000;
        ObjectNode header = Json.object();
        header.put("alg", "ES256");
        header.put("kid", keyName);
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        header.put("nonce", HexFormat.of().formatHex(nonce));
        header.put("typ", "JWT");
        ObjectNode claims = Json.object();
        claims.put("sub", keyName);
        claims.put("iss", "cdp");
        claims.put("nbf", now);
        claims.put("exp", now + 120);
        claims.put("uri", method + " " + hostAndPath);
        String signingInput = b64(Json.write(header).getBytes(StandardCharsets.UTF_8)) + "."
                + b64(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        try {
            Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
            s.initSign(key);
            s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ES256 signing failed", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static PrivateKey parse(String pem) throws GeneralSecurityException {
        String normalized = pem.replace("\\n", "\n");
        boolean sec1 = normalized.contains("BEGIN EC PRIVATE KEY");
        String base64 = normalized.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("API secret is not a PEM private key");
        }
        byte[] pkcs8 = sec1 ? wrapSec1(der) : der;
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    /** PrivateKeyInfo {version 0, ecP256 algorithm, OCTET STRING(SEC1 ECPrivateKey)}. */
    private static byte[] wrapSec1(byte[] sec1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(EC_P256_ALGORITHM);
        body.write(0x04);
        writeLength(body, sec1.length);
        body.writeBytes(sec1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        writeLength(out, body.size());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xff);
        }
    }
}
