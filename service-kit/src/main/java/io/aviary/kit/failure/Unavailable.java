package io.aviary.kit.failure;

/** A dependency (another service, a venue, data not yet loaded) cannot answer now; the caller may retry: 503. */
public final class Unavailable extends UseCaseException {

    public Unavailable(String detail) {
        super(detail);
    }
}
