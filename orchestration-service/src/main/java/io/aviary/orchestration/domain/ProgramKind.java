package io.aviary.orchestration.domain;

/** What a stored config or source belongs to: a controller (strategy logic) or a script (a bot's entry program). */
public enum ProgramKind {
    CONTROLLER("controller"),
    SCRIPT("script");

    private final String storedName;

    ProgramKind(String storedName) {
        this.storedName = storedName;
    }

    /** The value of the {@code kind} column. */
    public String storedName() {
        return storedName;
    }
}
