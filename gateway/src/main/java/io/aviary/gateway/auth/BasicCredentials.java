package io.aviary.gateway.auth;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Checks a Basic {@code Authorization} value against the configured user and password.
 *
 * <p>Every authenticated request presents the same header, so the canonical value ({@code Basic <base64(user:password)>})
 * is encoded once and compared first, in constant time, without decoding anything (issue 16: the gateway's cost per
 * request). Any other value (another spelling of the scheme, extra spaces, wrong credentials) takes the full check,
 * which decides exactly as before.
 */
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

        /**
         * Whether this counts toward the login throttle: credentials were presented and were wrong
         * or garbled. A request without any (a browser's first try) is not a guess.
         */
        public boolean isFailedLogin() {
            return this == MALFORMED || this == WRONG;
        }
    }

    private final byte[] username;
    private final byte[] password;
    private final byte[] canonicalHeader;

    public BasicCredentials(String username, String password) {
        this.username = username.getBytes(StandardCharsets.UTF_8);
        this.password = password.getBytes(StandardCharsets.UTF_8);
        // a user name with a colon can never match (the decoded value is split at its first colon): no shortcut then
        this.canonicalHeader = username.contains(":") ? null : ("Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Judges an {@code Authorization} header value the way FastAPI's {@code HTTPBasic} does. */
    public Verdict check(String authorization) {
        if (authorization == null) {
            return Verdict.NOT_AUTHENTICATED;
        }
        if (canonicalHeader != null && MessageDigest.isEqual(canonicalHeader, authorization.getBytes(StandardCharsets.ISO_8859_1))) {
            return Verdict.ACCEPTED;
        }
        int space = authorization.indexOf(' ');
        String scheme = space < 0 ? authorization : authorization.substring(0, space);
        if (!scheme.equalsIgnoreCase("Basic")) {
            return Verdict.NOT_AUTHENTICATED;
        }
        String decoded = decode(space < 0 ? "" : authorization.substring(space + 1).strip());
        int colon = decoded == null ? -1 : decoded.indexOf(':');
        if (colon < 0) {
            return Verdict.MALFORMED;
        }
        return matches(decoded.substring(0, colon), decoded.substring(colon + 1)) ? Verdict.ACCEPTED : Verdict.WRONG;
    }

    /** Both comparisons always run, in constant time, so timing tells nothing about which part was wrong. */
    private boolean matches(String presentedUser, String presentedPassword) {
        boolean userMatches = MessageDigest.isEqual(username, presentedUser.getBytes(StandardCharsets.UTF_8));
        boolean passwordMatches = MessageDigest.isEqual(password, presentedPassword.getBytes(StandardCharsets.UTF_8));
        return userMatches & passwordMatches;
    }

    /** The base64 payload as UTF-8 text, or null when it is not valid base64 or not valid UTF-8. */
    private static String decode(String base64) {
        try {
            byte[] raw = Base64.getDecoder().decode(base64);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return null;
        }
    }
}
