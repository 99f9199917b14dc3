package io.aviary.connectors.hummingbot;

/** The value is no keyfile v3 this reader can open (bad hex, bad JSON, unsupported cipher or KDF parameters). */
public final class MalformedKeyfileException extends KeyfileException {

    MalformedKeyfileException(String problem) {
        super("not a readable keyfile v3: " + problem);
    }
}
