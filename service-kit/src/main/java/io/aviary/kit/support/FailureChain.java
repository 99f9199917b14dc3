package io.aviary.kit.support;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.springframework.transaction.TransactionSystemException;

/**
 * Every throwable that explains a failure: the failure, its causes, and the application exception a
 * {@link TransactionSystemException} keeps aside. When the database dies mid-transaction, Spring reports the
 * rollback's own failure ("Connection is closed", no SQLState) and moves the real one (the driver's "terminating
 * connection", SQLState 57P02) out of the cause chain into {@code getApplicationException()}; a classifier that
 * walks only {@code getCause()} then misses that the database is down.
 */
public final class FailureChain {

    /** Chains are short; the bound only guards against cycles. */
    private static final int MAX_LENGTH = 32;

    private FailureChain() {
    }

    public static List<Throwable> of(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Deque<Throwable> starts = new ArrayDeque<>();
        starts.add(failure);
        while (!starts.isEmpty() && chain.size() < MAX_LENGTH) {
            for (Throwable t = starts.poll(); t != null && chain.size() < MAX_LENGTH && !seen(chain, t); t = t.getCause()) {
                chain.add(t);
                if (t instanceof TransactionSystemException tx && tx.getApplicationException() != null) {
                    starts.add(tx.getApplicationException());
                }
            }
        }
        return chain;
    }

    private static boolean seen(List<Throwable> chain, Throwable t) {
        return chain.stream().anyMatch(known -> known == t);
    }
}
