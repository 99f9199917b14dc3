package io.aviary.kit.events;

import io.aviary.kit.support.FailureChain;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure that will go away by itself from one that will not. Transient means this service's own
 * database is unreachable or busy: no connection or transaction could be had, the connection broke, a timeout,
 * a deadlock or serialization conflict. Such an event is retried in place for as long as it takes (parking it
 * would only move the same outage into the dead-letter table, and would break the order of its partition).
 * Everything else, including an unreachable venue (another system, possibly down for hours), is retried a
 * bounded number of times and then parked, so one event cannot hold its partition forever.
 */
final class InboxFailures {

    /**
     * SQLSTATE classes and codes of PostgreSQL that mean "try again later": connection exceptions (08),
     * insufficient resources (53), operator intervention such as a shutdown or a server still starting (57P0x),
     * a cancelled statement (57014, statement timeouts), lock not available (55P03), serialization failure
     * (40001) and deadlock (40P01).
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53");
    private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "57P05", "57014", "55P03",
            "40001", "40P01");

    private InboxFailures() {
    }

    static boolean isTransient(Throwable failure) {
        return FailureChain.of(failure).stream().anyMatch(InboxFailures::isTransientOne);
    }

    private static boolean isTransientOne(Throwable t) {
        return t instanceof CannotCreateTransactionException || t instanceof TransientDataAccessException
                || t instanceof RecoverableDataAccessException || t instanceof DataAccessResourceFailureException
                || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                || t instanceof SQLException sql && transientState(sql.getSQLState());
    }

    private static boolean transientState(String state) {
        return state != null && state.length() == 5
                && (TRANSIENT_CLASSES.contains(state.substring(0, 2)) || TRANSIENT_STATES.contains(state));
    }

    /** The class names of a failure and of its root cause, for logs: never a message (it may quote data). */
    static String describe(Throwable failure) {
        Throwable root = root(failure);
        String state = root instanceof SQLException sql && sql.getSQLState() != null ? " SQLSTATE " + sql.getSQLState() : "";
        return root == failure ? failure.getClass().getName() + state
                : failure.getClass().getName() + " caused by " + root.getClass().getName() + state;
    }

    static Throwable root(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
