package io.aviary.trading.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.connectors.model.OrderState;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.PositionAction;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderRecordTest {

    private static OrderRecord order(OrderStatus status, String filled, boolean inferred) {
        return new OrderRecord(1, "a", "sim", "c1", null, TradingPair.parse("SOL-USDT"), TradeType.SELL,
                OrderType.LIMIT, PositionAction.NIL, new BigDecimal("1"), new BigDecimal("200"),
                OrderState.valueOf(status.hummingbotState()), status, new BigDecimal(filled), BigDecimal.ZERO, BigDecimal.ZERO,
                null, null, Instant.EPOCH, Instant.EPOCH, inferred);
    }

    @Test
    void aReportedFinalStatusNeverReopens() {
        assertThat(order(OrderStatus.CANCELLED, "0", false).after(OrderState.OPEN)).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order(OrderStatus.FAILED, "0", false).after(OrderState.FILLED)).isEqualTo(OrderStatus.FAILED);
    }

    @Test
    void anInferredFinalStatusYieldsToTheVenue() {
        assertThat(order(OrderStatus.CANCELLED, "0", true).after(OrderState.OPEN)).isEqualTo(OrderStatus.OPEN);
        assertThat(order(OrderStatus.CANCELLED, "0.4", true).after(OrderState.OPEN))
                .isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(order(OrderStatus.FAILED, "0", true).after(OrderState.FILLED)).isEqualTo(OrderStatus.FILLED);
        assertThat(order(OrderStatus.FAILED, "0", true).after(OrderState.CANCELED)).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void pendingStatesSayNothingAboutAnInferredOrder() {
        assertThat(order(OrderStatus.CANCELLED, "0", true).after(OrderState.PENDING_CREATE))
                .isEqualTo(OrderStatus.CANCELLED);
        assertThat(order(OrderStatus.CANCELLED, "0", true).after(OrderState.PENDING_CANCEL))
                .isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void anOpenOrderFollowsTheUsualRules() {
        assertThat(order(OrderStatus.PARTIALLY_FILLED, "0.4", true).after(OrderState.OPEN))
                .isEqualTo(OrderStatus.PARTIALLY_FILLED);
    }
}
