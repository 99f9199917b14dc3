package io.aviary.kit.failure;

/** The service is at a capacity limit; the caller may retry later or ask for less: 429. */
public final class TooBusy extends UseCaseException {

    public TooBusy(String detail) {
        super(detail);
    }
}
