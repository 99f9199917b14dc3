package io.aviary.kit.failure;

/** A dependency did not answer within the service's time bound: 504. */
public final class TimedOut extends UseCaseException {

    public TimedOut(String detail) {
        super(detail);
    }
}
