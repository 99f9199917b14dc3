package io.aviary.trading.domain;

/** An order that breaks the venue's trading rules; the message says what to change. */
public class OrderRejected extends RuntimeException {

    public OrderRejected(String message) {
        super(message);
    }
}
