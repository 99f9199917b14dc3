package io.aviary.simexchange.app;

/** A private request whose credentials the venue refuses; {@code code} is the wire error code. */
public final class AuthFailure extends RuntimeException {

    private final String code;

    public AuthFailure(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
