package io.aviary.connectors.paper;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * {@link PaperLedger} in PostgreSQL, plain JDBC so the connector layer needs no framework. Tables:
 * {@code db/paper/V0_5__paper_trading_ledger.sql}, in the schema the data source defaults to. Each step takes a
 * connection of the pool, so steps of different sessions run side by side; balance rows are locked
 * ({@code FOR UPDATE}) while a step rewrites them.
 */
public final class JdbcPaperLedger extends SqlPaperLedger {

    private final DataSource dataSource;

    public JdbcPaperLedger(DataSource dataSource) {
        super(LedgerDialect.POSTGRESQL);
        this.dataSource = dataSource;
    }

    @Override
    protected <T> T withConnection(Work<T> work) throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            return work.run(db);
        }
    }

    @Override
    protected Unavailable unavailable(SQLException failure) {
        return new PaperLedgerException(failure);
    }

    /** The ledger's database failed; the paper venue is then unavailable, like a real one whose backend is down. */
    public static final class PaperLedgerException extends PaperLedger.Unavailable {
        PaperLedgerException(SQLException cause) {
            super("paper ledger: " + cause.getMessage(), cause);
        }
    }
}
