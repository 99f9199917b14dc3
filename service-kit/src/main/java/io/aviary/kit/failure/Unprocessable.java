package io.aviary.kit.failure;

/** A well-formed request the service refuses to act on (an Idempotency-Key reused for another request): 422. */
public final class Unprocessable extends UseCaseException {

    public Unprocessable(String detail) {
        super(detail);
    }
}
