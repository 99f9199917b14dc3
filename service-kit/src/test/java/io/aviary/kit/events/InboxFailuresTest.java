package io.aviary.kit.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

class InboxFailuresTest {

    @Test
    void aHandlerWhoseDatabaseDiedMidTransactionIsRetriedInPlaceNotParked() {
        // Spring reports the failed rollback ("Connection is closed", no SQLState) and keeps the real failure aside
        TransactionSystemException rollback = new TransactionSystemException(
                "Application exception overridden by rollback exception", new SQLException("Connection is closed"));
        rollback.initApplicationException(new DataAccessResourceFailureException("PreparedStatementCallback",
                new SQLException("FATAL: terminating connection due to unexpected postmaster exit", "57P02")));

        assertThat(InboxFailures.isTransient(rollback)).isTrue();
    }

    @Test
    void aConstraintViolationIsNotTransient() {
        assertThat(InboxFailures.isTransient(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
    }
}
