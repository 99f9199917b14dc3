package io.aviary.trading.app.executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.aviary.execution.LiveMarketView.FeeRates;
import org.junit.jupiter.api.Test;

class VenueFeesTest {

    @Test
    void namedConnectorsTakeTheirRatesAndEveryOtherTheStarOnes() {
        VenueFees fees = VenueFees.parse(VenueFees.DEFAULT);
        assertThat(fees.of("sim")).isEqualTo(new FeeRates(0.0002, 0.0005));
        assertThat(fees.of("sim_perpetual")).isEqualTo(new FeeRates(0.0002, 0.0005));
        assertThat(fees.of("binance")).isEqualTo(new FeeRates(0.001, 0.001));
        assertThat(VenueFees.parse("kucoin=0.0008/0.001").of("okx")).isEqualTo(FeeRates.NONE);
    }

    @Test
    void aMalformedEntryIsNamed() {
        assertThat(catchThrowable(() -> VenueFees.parse("sim=0.0002/0.0005,binance=0.1%")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'binance=0.1%'");
        assertThat(catchThrowable(() -> VenueFees.parse("binance=0.001/2")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
