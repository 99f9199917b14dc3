package io.aviary.trading.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.connectors.model.TradeType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PageCursorAndIdsTest {

    @Test
    void aCursorRoundTripsItsKeyAndItsChainsCounts() {
        PageCursor cursor = new PageCursor(List.of("2026-11-23T12:00:00.123456Z", "42"), 1234, 200);
        assertThat(PageCursor.decode(cursor.encode(), 2)).isEqualTo(cursor);
    }

    @Test
    void aGarbledOrForeignCursorIsRefused() {
        assertThatThrownBy(() -> PageCursor.decode("0:", 2)).isInstanceOf(PageCursor.InvalidCursor.class)
                .hasMessageContaining("next_cursor of the previous page");
        String positionsCursor = new PageCursor(List.of("a", "sim", "BTC-USDT", "LONG"), 5, 1).encode();
        assertThatThrownBy(() -> PageCursor.decode(positionsCursor, 2)).isInstanceOf(PageCursor.InvalidCursor.class);
        assertThatThrownBy(() -> PageCursor.decode("x".repeat(10_000), 2)).isInstanceOf(PageCursor.InvalidCursor.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
    }

    @Test
    void generatedClientIdsAreShortValidAndDistinct() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = ClientOrderIds.generate(i % 2 == 0 ? TradeType.BUY : TradeType.SELL);
            assertThat(id).hasSize(17).startsWith(i % 2 == 0 ? "AVB" : "AVS");
            assertThat(ClientOrderIds.problem(id)).isNull();
            ids.add(id);
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void callerIdsAreLimitedToSafeCharacters() {
        assertThat(ClientOrderIds.problem("my-order_1")).isNull();
        assertThat(ClientOrderIds.problem("has space")).isNotNull();
        assertThat(ClientOrderIds.problem("x".repeat(37))).isNotNull();
    }
}
