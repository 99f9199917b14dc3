package io.aviary.simexchange.domain.model;

/** The venue refused a command on its merits; nothing changed. */
public final class VenueRejection extends RuntimeException {

    private final RejectCode code;

    public VenueRejection(RejectCode code, String message) {
        // a business outcome, not a bug: no stack trace (cheap on hot paths)
        super(message, null, false, false);
        this.code = code;
    }

    public RejectCode code() {
        return code;
    }
}
