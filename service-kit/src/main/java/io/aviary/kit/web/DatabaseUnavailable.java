package io.aviary.kit.web;

import io.aviary.kit.support.FailureChain;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Tells "PostgreSQL cannot be reached" apart from every other failure, whichever layer wrapped it (a query or a
 * transaction that got no connection, a commit that lost it): somewhere in the cause chain is the pool's timeout,
 * a connection exception of the driver, or a SQLState of class 08 or 57P01–57P03 (shut down, crashed, starting up).
 */
final class DatabaseUnavailable {

    static final String DETAIL = "database unavailable";

    private DatabaseUnavailable() {
    }

    static boolean causes(Throwable error) {
        return FailureChain.of(error).stream().anyMatch(DatabaseUnavailable::isConnectionFailure);
    }

    private static boolean isConnectionFailure(Throwable t) {
        if (t instanceof CannotGetJdbcConnectionException || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        return t instanceof SQLException sql && isConnectionState(sql.getSQLState());
    }

    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

    /** Exception types and SQLStates only: driver messages may carry host names or user names. */
    static String describe(Throwable error) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t : FailureChain.of(error)) {
            if (!sb.isEmpty()) {
                sb.append(" <- ");
            }
            sb.append(t.getClass().getSimpleName());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                sb.append('[').append(sql.getSQLState()).append(']');
            }
        }
        return sb.toString();
    }
}
