package io.aviary.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** Checks a Basic {@code Authorization} value against the configured user and password. */
public final class BasicCredentials {

    /** The outcome, with the exact FastAPI detail texts of api-catalog §1.0. */
    public enum Verdict {
        ACCEPTED(null),
        NOT_AUTHENTICATED("Not authenticated"),
        MALFORMED("Invalid authentication credentials"),
        WRONG("Incorrect username or password");

        private final String detail;

        Verdict(String detail) {
            this.detail = detail;
        }

        public String detail() {
            return detail;
        }
    }

    private final byte[] username;
    private final byte[] password;

    public BasicCredentials(String username, String password) {
        this.username = username.getBytes(StandardCharsets.UTF_8);
        this.password = password.getBytes(StandardCharsets.UTF_8);
    }

    public Verdict check(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Verdict.NOT_AUTHENTICATED;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Verdict.MALFORMED;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Verdict.MALFORMED;
        }
        // Both comparisons always run, in constant time, so timing tells nothing about which part was wrong.
        boolean userMatches = MessageDigest.isEqual(username, decoded.substring(0, colon).getBytes(StandardCharsets.UTF_8));
        boolean passwordMatches = MessageDigest.isEqual(password, decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8));
        return userMatches & passwordMatches ? Verdict.ACCEPTED : Verdict.WRONG;
    }
}
