package io.aviary.kit.failure;

/** The request names something that cannot be acted on as given (unknown connector, invalid value): 400. */
public final class InvalidRequest extends UseCaseException {

    public InvalidRequest(String detail) {
        super(detail);
    }
}
