package io.aviary.kit.ownership;

/** What the owner of a lease hears about it. Called on the acquiring thread, then on the renewal thread. */
public interface LeaseListener {

    /** The lease is now this replica's: start the work it guards. */
    default void acquired(Lease lease) {
    }

    /**
     * The lease is no longer this replica's (another replica took it over, or renewal failed for longer than its time
     * to live): stop the work now. Not called after {@link Leases#release}.
     */
    void lost(Lease lease);
}
