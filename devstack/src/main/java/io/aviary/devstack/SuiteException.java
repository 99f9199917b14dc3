package io.aviary.devstack;

/** The suite could not start (or do what was asked); the message is meant for the person at the terminal. */
public class SuiteException extends RuntimeException {

    public SuiteException(String message) {
        super(message);
    }

    public SuiteException(String message, Throwable cause) {
        super(message, cause);
    }
}
