package io.aviary.connectors.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.connectors.model.Position;
import io.aviary.connectors.model.PositionSide;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The venue's ONEWAY "BOTH" net position becomes LONG or SHORT by its sign; HEDGE legs keep their side. */
class SimWirePositionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aOneWayNetPositionIsReportedByItsDirection() {
        Position shortNet = SimWire.position(JSON.readTree(position("BOTH", "-0.25")));
        assertThat(shortNet.side()).isEqualTo(PositionSide.SHORT);
        assertThat(shortNet.amount()).isEqualByComparingTo("0.25");
        assertThat(SimWire.position(JSON.readTree(position("BOTH", "0.4"))).side()).isEqualTo(PositionSide.LONG);
    }

    @Test
    void aHedgeLegKeepsItsSide() {
        Position shortLeg = SimWire.position(JSON.readTree(position("SHORT", "-1")));
        assertThat(shortLeg.side()).isEqualTo(PositionSide.SHORT);
        assertThat(shortLeg.amount()).isEqualByComparingTo("1");
    }

    private static String position(String side, String amount) {
        return "{\"symbol\":\"ETH-USDT\",\"side\":\"" + side + "\",\"position_mode\":\"ONEWAY\",\"amount\":" + amount
                + ",\"entry_price\":3000,\"mark_price\":3010,\"unrealized_pnl\":-2.5,\"leverage\":5,"
                + "\"liquidation_price\":3500}";
    }
}
