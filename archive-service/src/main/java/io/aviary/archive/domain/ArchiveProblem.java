package io.aviary.archive.domain;

/**
 * Why an archived database named by a request cannot be served. The message is shown to API users: it names the
 * problem and at most a bounded part of the path they sent.
 */
public final class ArchiveProblem extends RuntimeException {

    /** The closed set of reasons; the api layer picks the status of each. */
    public enum Kind {
        /** The path is absolute, has dot segments or encodings, or leaves {@code bots/archived}. */
        OUTSIDE_ARCHIVE,
        /** No such database in the archive folder. */
        NOT_FOUND,
        /** The file is not a SQLite database (or cannot be read as one). */
        NOT_SQLITE,
        /** A SQLite database without Hummingbot's bot tables. */
        NOT_HUMMINGBOT
    }

    private final Kind kind;

    public ArchiveProblem(Kind kind, String detail) {
        super(detail);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** At most 120 characters of user input, for messages. */
    public static String bounded(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }
}
