package io.aviary.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** How the kit answers when PostgreSQL cannot be reached, in each shape Spring hands the failure over. */
class DatabaseUnavailableMappingTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    /** What HikariCP throws when no connection came within its timeout (PostgreSQL refused the last attempt). */
    private static SQLTransientConnectionException poolTimeout() {
        return new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 1500ms",
                "08001", new SQLException("Connection to 127.0.0.1:5432 refused", "08001"));
    }

    @Test
    void aQueryWithoutAConnectionIs503DatabaseUnavailable() {
        assertDatabaseUnavailable(handler.unexpected(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", poolTimeout())));
    }

    @Test
    void aTransactionThatCannotBeginIs503DatabaseUnavailable() {
        assertDatabaseUnavailable(handler.unexpected(
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction", poolTimeout())));
    }

    @Test
    void aCommitThatLostItsConnectionIs503DatabaseUnavailable() {
        assertDatabaseUnavailable(handler.unexpected(new TransactionSystemException("Could not commit JDBC transaction",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"))));
    }

    @Test
    void aServerShuttingDownOrStartingUpIs503DatabaseUnavailable() {
        assertDatabaseUnavailable(handler.unexpected(new DataAccessResourceFailureException("terminating connection",
                new SQLException("terminating connection due to administrator command", "57P01"))));
        assertDatabaseUnavailable(handler.unexpected(new DataAccessResourceFailureException("starting up",
                new SQLException("the database system is starting up", "57P03"))));
    }

    /** PostgreSQL killed mid-request: Spring reports the failed rollback and keeps the real failure aside. */
    static TransactionSystemException rollbackAfterThePostmasterDied() {
        TransactionSystemException rollback = new TransactionSystemException(
                "Application exception overridden by rollback exception", new SQLException("Connection is closed"));
        rollback.initApplicationException(new DataAccessResourceFailureException("StatementCallback",
                new SQLException("FATAL: terminating connection due to unexpected postmaster exit", "57P02")));
        return rollback;
    }

    @Test
    void aRollbackThatFailedBecauseThePostmasterDiedIs503DatabaseUnavailable() {
        // seen under ./run.sh after kill -9 of the postmaster: it answered 500 before
        assertDatabaseUnavailable(handler.unexpected(rollbackAfterThePostmasterDied()));
        assertThat(DatabaseUnavailable.describe(rollbackAfterThePostmasterDied())).contains("SQLException[57P02]");
    }

    @Test
    void otherDatabaseErrorsStay500() {
        ResponseEntity<Map<String, Object>> response = handler.unexpected(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")));
        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(response.getBody()).containsEntry("detail", "Internal Server Error");
    }

    private static void assertDatabaseUnavailable(ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getBody()).isEqualTo(Map.of("detail", "database unavailable"));
    }
}
