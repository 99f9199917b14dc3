package io.aviary.kit.failure;

/** The request contradicts the current state (an id already used, an order already final): 409. */
public final class Conflict extends UseCaseException {

    public Conflict(String detail) {
        super(detail);
    }
}
