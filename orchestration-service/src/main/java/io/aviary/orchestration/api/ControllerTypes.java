package io.aviary.orchestration.api;

import io.aviary.kit.web.ErrorBody.ValidationError;
import io.aviary.kit.web.RequestValidationException;
import io.aviary.orchestration.app.ControllerCatalog;
import io.aviary.strategy.config.ControllerKind;
import java.util.List;

/** The {@code controller_type} path enum: another value is FastAPI's 422 {@code enum} at that path parameter. */
final class ControllerTypes {

    private ControllerTypes() {
    }

    static ControllerKind fromPath(String value) {
        return ControllerCatalog.kind(value).orElseThrow(() -> invalid("path"));
    }

    /** The optional {@code type} of a controller upload body. */
    static ControllerKind fromBody(String value) {
        return ControllerCatalog.kind(value).orElseThrow(() -> invalid("body"));
    }

    private static RequestValidationException invalid(String where) {
        List<Object> loc = where.equals("path") ? List.of("path", "controller_type") : List.of("body", "type");
        return new RequestValidationException(new ValidationError("enum", loc,
                "Input should be 'directional_trading', 'market_making' or 'generic'"));
    }
}
