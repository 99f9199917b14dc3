package io.aviary.accounts.domain.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class HistoryPageTest {

    private static final Function<Instant, Instant> SELF = t -> t;

    private static Instant t(int second) {
        return Instant.parse("2025-07-01T00:00:00Z").plusSeconds(second);
    }

    @Test
    void aWindowThatFitsIsThePage() {
        List<Instant> window = List.of(t(5), t(4), t(3));
        assertThat(HistoryPage.cut(window, 3, SELF)).contains(window);
        assertThat(HistoryPage.cut(List.<Instant>of(), 3, SELF)).contains(List.of());
    }

    @Test
    void aFullWindowDropsTheExtraRow() {
        assertThat(HistoryPage.cut(List.of(t(5), t(4), t(3), t(2)), 3, SELF)).contains(List.of(t(5), t(4), t(3)));
    }

    @Test
    void aPageNeverEndsInsideATimestampGroup() {
        // limit 3: t(3) spans the boundary, so both t(3) rows go to the next page
        assertThat(HistoryPage.cut(List.of(t(5), t(3), t(3), t(3)), 3, SELF)).contains(List.of(t(5)));
        assertThat(HistoryPage.cut(List.of(t(5), t(4), t(3), t(3)), 3, SELF)).contains(List.of(t(5), t(4)));
    }

    @Test
    void aWindowThatIsOneGroupMustBeServedWhole() {
        assertThat(HistoryPage.cut(List.of(t(3), t(3), t(3)), 2, SELF)).isEmpty();
    }

    @Test
    void theNextCursorIsTheLastItemsTimeOnlyWhenMoreFollow() {
        ConnectorBalances last = new ConnectorBalances("a", "sim", t(1), List.of());
        ConnectorBalances first = new ConnectorBalances("a", "sim", t(2), List.of());
        assertThat(new HistoryPage(List.of(first, last), true).nextCursor()).contains(t(1));
        assertThat(new HistoryPage(List.of(first, last), false).nextCursor()).isEmpty();
    }
}
