package io.aviary.kit.failure;

/** What the request names does not exist: 404. */
public final class NotFound extends UseCaseException {

    public NotFound(String detail) {
        super(detail);
    }
}
