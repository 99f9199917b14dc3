package io.aviary.trading.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.connectors.model.OrderState;
import org.junit.jupiter.api.Test;

class OrderStatusTest {

    @Test
    void followsTheVenueForwards() {
        assertThat(OrderStatus.SUBMITTED.after(OrderState.OPEN)).isEqualTo(OrderStatus.OPEN);
        assertThat(OrderStatus.OPEN.after(OrderState.PARTIALLY_FILLED)).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(OrderStatus.PARTIALLY_FILLED.after(OrderState.FILLED)).isEqualTo(OrderStatus.FILLED);
        assertThat(OrderStatus.OPEN.after(OrderState.CANCELED)).isEqualTo(OrderStatus.CANCELLED);
        assertThat(OrderStatus.SUBMITTED.after(OrderState.FAILED)).isEqualTo(OrderStatus.FAILED);
    }

    @Test
    void aFinishedOrderNeverReopens() {
        for (OrderState late : OrderState.values()) {
            assertThat(OrderStatus.FILLED.after(late)).isEqualTo(OrderStatus.FILLED);
            assertThat(OrderStatus.CANCELLED.after(late)).isEqualTo(OrderStatus.CANCELLED);
            assertThat(OrderStatus.FAILED.after(late)).isEqualTo(OrderStatus.FAILED);
        }
    }

    @Test
    void aStaleOpenDoesNotUndoAPartialFill() {
        assertThat(OrderStatus.PARTIALLY_FILLED.after(OrderState.OPEN)).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(OrderStatus.PARTIALLY_FILLED.after(OrderState.PENDING_CANCEL)).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(OrderStatus.OPEN.after(OrderState.PENDING_CREATE)).isEqualTo(OrderStatus.OPEN);
    }

    @Test
    void eventsCarryHummingbotStateNames() {
        assertThat(OrderStatus.SUBMITTED.hummingbotState()).isEqualTo("PENDING_CREATE");
        assertThat(OrderStatus.CANCELLED.hummingbotState()).isEqualTo("CANCELED");
        assertThat(OrderStatus.PARTIALLY_FILLED.hummingbotState()).isEqualTo("PARTIALLY_FILLED");
    }
}
