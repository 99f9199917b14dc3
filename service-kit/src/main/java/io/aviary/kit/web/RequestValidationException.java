package io.aviary.kit.web;

import io.aviary.kit.web.ErrorBody.ValidationError;
import java.util.List;

/** A request that does not have the required shape: answered 422 with FastAPI's error list. */
public class RequestValidationException extends RuntimeException {

    private final List<ValidationError> errors;

    public RequestValidationException(ValidationError... errors) {
        super(errors.length == 0 ? "invalid request" : errors[0].msg());
        this.errors = List.of(errors);
    }

    public List<ValidationError> errors() {
        return errors;
    }
}
