package io.aviary.kit.failure;

/**
 * The request needs stateful work another replica of this service owns now (ADR 0026): 421 Misdirected Request with
 * {@code Retry-After}. Nothing was done, so the gateway may send the same request to another replica.
 */
public final class OwnedElsewhere extends UseCaseException {

    public OwnedElsewhere(String detail) {
        super(detail);
    }
}
