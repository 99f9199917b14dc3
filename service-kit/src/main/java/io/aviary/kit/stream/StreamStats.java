package io.aviary.kit.stream;

/**
 * One WebSocket stream connection as tests and diagnostics see it.
 *
 * @param queued    messages waiting in its outbox now (bounded: the control queue plus one per subscription)
 * @param coalesced updates not sent because the client had not taken the previous one yet
 * @param closeCode 0 while open, else the close code (with {@code closeReason}) the connection ended with
 */
public record StreamStats(String id, int subscriptions, int queued, long coalesced, long sent, int closeCode,
        String closeReason) {
}
