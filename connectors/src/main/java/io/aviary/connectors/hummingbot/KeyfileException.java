package io.aviary.connectors.hummingbot;

/**
 * A keyfile could not be opened. Messages never contain the password, the plaintext or the keyfile itself.
 */
public abstract sealed class KeyfileException extends RuntimeException
        permits WrongPasswordException, MalformedKeyfileException {

    KeyfileException(String message) {
        super(message);
    }
}
