package io.aviary.kit.stream;

/**
 * What a service streams on its {@link StreamSocket}: opens the stream a {@code subscribe} message asks for. Throw
 * {@link IllegalArgumentException} (bad field) or a {@link io.aviary.kit.failure.UseCaseException} (unknown pair,
 * unavailable venue...) with a message for the client; it is sent as an {@code error}, so it must not repeat
 * unbounded input ({@link SubscribeMessage} checks names).
 */
@FunctionalInterface
public interface StreamSource {

    LiveStream open(SubscribeMessage subscribe);
}
