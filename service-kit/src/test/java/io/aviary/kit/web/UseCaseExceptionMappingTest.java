package io.aviary.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.kit.failure.Conflict;
import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.failure.NotFound;
import io.aviary.kit.failure.OwnedElsewhere;
import io.aviary.kit.failure.TimedOut;
import io.aviary.kit.failure.TooBusy;
import io.aviary.kit.failure.Unavailable;
import io.aviary.kit.failure.Unprocessable;
import io.aviary.kit.failure.UseCaseException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** Each kind of use-case refusal is answered with the status ApiException's factory of the same name gave before. */
class UseCaseExceptionMappingTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void eachKindAnswersItsStatusWithTheMessageAsDetail() {
        assertAnswer(new InvalidRequest("bad"), 400);
        assertAnswer(new NotFound("missing"), 404);
        assertAnswer(new Conflict("taken"), 409);
        assertAnswer(new Unprocessable("reused key"), 422);
        assertAnswer(new TooBusy("too many feeds"), 429);
        assertAnswer(new Unavailable("venue down"), 503);
        assertAnswer(new TimedOut("no answer"), 504);
        assertAnswer(new OwnedElsewhere("another replica runs it"), 421);
    }

    @Test
    void aRequestForWorkAnotherReplicaOwnsSaysWhenToRetry() {
        assertThat(handler.refused(new OwnedElsewhere("another replica runs it")).getHeaders().getFirst("Retry-After"))
                .isEqualTo("1");
    }

    @Test
    void theStatusesAreThoseOfTheApiExceptionFactoriesTheyReplace() {
        assertThat(ApiExceptionHandler.status(new InvalidRequest("x"))).isEqualTo(ApiException.badRequest("x").status());
        assertThat(ApiExceptionHandler.status(new NotFound("x"))).isEqualTo(ApiException.notFound("x").status());
        assertThat(ApiExceptionHandler.status(new Conflict("x"))).isEqualTo(ApiException.conflict("x").status());
        assertThat(ApiExceptionHandler.status(new Unprocessable("x"))).isEqualTo(ApiException.unprocessable("x").status());
        assertThat(ApiExceptionHandler.status(new Unavailable("x"))).isEqualTo(ApiException.unavailable("x").status());
    }

    private void assertAnswer(UseCaseException refusal, int status) {
        ResponseEntity<Map<String, Object>> answer = handler.refused(refusal);
        assertThat(answer.getStatusCode().value()).isEqualTo(status);
        assertThat(answer.getBody()).isEqualTo(Map.of("detail", refusal.getMessage()));
    }
}
