package io.aviary.kit.failure;

/**
 * A use case's refusal that the caller can act on, thrown from {@code app} (or {@code domain}) code without choosing
 * an HTTP status: the kit's {@code ApiExceptionHandler} answers it as {@code {"detail": message}} with the status of
 * its kind (docs/adr/0010-layering-rule.md). The message is shown to API users: it says what to fix, never carries
 * secret material and never echoes unbounded input.
 */
public abstract sealed class UseCaseException extends RuntimeException
        permits InvalidRequest, NotFound, Conflict, Unprocessable, TooBusy, Unavailable, TimedOut,
        OwnedElsewhere {

    protected UseCaseException(String detail) {
        super(detail);
    }
}
