package io.aviary.connectors.hummingbot;

import java.nio.file.Path;

/**
 * A Hummingbot config file is missing or cannot be used. {@link #key()} names the offending key when there is one;
 * messages never carry a value from the file (it may be a secret or arbitrarily long).
 */
public final class HummingbotFileException extends RuntimeException {

    /** Why: lets a caller tell a wrong password from a broken file without reading the message. */
    public enum Reason {
        MISSING, MALFORMED, WRONG_PASSWORD
    }

    private final transient Path file;
    private final String key;
    private final Reason reason;
    private final String problem;

    public HummingbotFileException(Path file, String key, Reason reason, String problem) {
        super(file.getFileName() + (key == null ? "" : ": " + key) + ": " + problem);
        this.file = file;
        this.key = key;
        this.reason = reason;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    /** The offending key, or null when the whole file is the problem. */
    public String key() {
        return key;
    }

    public Reason reason() {
        return reason;
    }

    /** What is wrong, without file and key. */
    public String problem() {
        return problem;
    }
}
