package io.aviary.kit.ownership;

import java.time.Instant;

/** Who holds a lease according to the table, while it has not expired. */
public record LeaseOwner(String name, String ownerId, long epoch, Instant expiresAt) {
}
