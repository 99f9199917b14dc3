package io.aviary.simexchange.domain.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The two namespaces of the venue. Markets, books, accounts and order ids are separate per kind:
 * {@code spot} backs the {@code sim} connector, {@code perp} backs {@code sim_perpetual}.
 */
public enum VenueKind {
    SPOT("spot"), PERPETUAL("perp");

    private final String path;

    VenueKind(String path) {
        this.path = path;
    }

    /** The name used in URLs and wire messages. */
    public String path() {
        return path;
    }

    public static Optional<VenueKind> fromPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }
}
