package io.aviary.simexchange.api.rest;

/** A request the API layer itself refuses (bad parameter, unknown venue, unsupported on spot). */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "INVALID_REQUEST", message);
    }
}
