package io.aviary.connectors.port;

/** A live stream a caller can stop. Closing twice is harmless. */
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
