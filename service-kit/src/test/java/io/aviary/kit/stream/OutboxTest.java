package io.aviary.kit.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OutboxTest {

    @Test
    void theLatestUpdateOfAStreamReplacesItsPendingOneSoTheQueueStaysBounded() throws InterruptedException {
        Outbox<String, String> outbox = new Outbox<>(4);
        for (int i = 0; i < 1000; i++) {
            outbox.offerLatest("book", "book-" + i);
            outbox.offerLatest("candles", "candles-" + i);
        }
        assertThat(outbox.size()).isEqualTo(2);
        assertThat(outbox.replaced()).isEqualTo(2 * 999);
        assertThat(outbox.take(0, TimeUnit.SECONDS)).isEqualTo("book-999");
        assertThat(outbox.take(0, TimeUnit.SECONDS)).isEqualTo("candles-999");
        assertThat(outbox.take(10, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void repliesLeaveFirstInOrderAndAFullControlQueueRefusesMore() throws InterruptedException {
        Outbox<String, String> outbox = new Outbox<>(2);
        outbox.offerLatest("book", "book-1");
        assertThat(outbox.offerControl("subscribed")).isTrue();
        assertThat(outbox.offerControl("pong")).isTrue();
        assertThat(outbox.offerControl("heartbeat")).as("over the control capacity").isFalse();
        assertThat(outbox.take(0, TimeUnit.SECONDS)).isEqualTo("subscribed");
        assertThat(outbox.take(0, TimeUnit.SECONDS)).isEqualTo("pong");
        assertThat(outbox.take(0, TimeUnit.SECONDS)).isEqualTo("book-1");
    }

    @Test
    void anUnsubscribedStreamsPendingUpdateIsDiscarded() throws InterruptedException {
        Outbox<String, String> outbox = new Outbox<>(2);
        outbox.offerLatest("book", "book-1");
        assertThat(outbox.pending("book")).isTrue();
        outbox.discard("book");
        assertThat(outbox.pending("book")).isFalse();
        assertThat(outbox.take(10, TimeUnit.MILLISECONDS)).isNull();
    }
}
