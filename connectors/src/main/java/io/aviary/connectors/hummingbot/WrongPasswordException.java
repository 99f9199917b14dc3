package io.aviary.connectors.hummingbot;

/** The keyfile's MAC does not match the key derived from the password: the password is not the one it was written
 *  with (Hummingbot and eth-keyfile report this as {@code MAC mismatch}). */
public final class WrongPasswordException extends KeyfileException {

    WrongPasswordException() {
        super("MAC mismatch: the password does not open this keyfile");
    }
}
