package io.aviary.connectors.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.connectors.port.VenueErrorStatus;
import io.aviary.connectors.port.VenueException;
import org.junit.jupiter.api.Test;

class VenueErrorStatusTest {

    @Test
    void mapsEachKindToAnHonestStatus() {
        assertThat(VenueErrorStatus.of(new VenueException.Unavailable("sim", "connection refused", null)).status()).isEqualTo(503);
        assertThat(VenueErrorStatus.of(new VenueException.Rejected("sim", "insufficient balance")))
                .isEqualTo(new VenueErrorStatus(400, "sim: insufficient balance", 0));
        assertThat(VenueErrorStatus.of(new VenueException.AuthenticationFailed("sim", "bad signature")).status()).isEqualTo(400);
        assertThat(VenueErrorStatus.of(new VenueException.Unsupported("sim", "spot")).status()).isEqualTo(400);
        assertThat(VenueErrorStatus.of(new VenueException.NotFound("sim", "no pair")).status()).isEqualTo(404);
        assertThat(VenueErrorStatus.of(new VenueException.Unexpected("sim", "garbage", null)).status()).isEqualTo(502);
    }

    @Test
    void rateLimitsCarryARetryHintRoundedUpToSeconds() {
        VenueErrorStatus limited = VenueErrorStatus.of(new VenueException.RateLimited("binance", "429", 1500));
        assertThat(limited.status()).isEqualTo(503);
        assertThat(limited.retryAfterSeconds()).isEqualTo(2);
    }
}
