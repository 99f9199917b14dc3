package io.aviary.connectors.paper;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.postgresql.ds.PGSimpleDataSource;

/** The ledger contract on PostgreSQL (trading-service's paper sessions), with the migration trading-service runs. */
class JdbcPaperLedgerTest extends PaperLedgerContract {

    private static EmbeddedPostgres postgres;
    private static PGSimpleDataSource dataSource;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgres.getJdbcUrl("postgres", "postgres"));
        try (Connection db = dataSource.getConnection(); var sql = db.createStatement()) {
            sql.execute(new String(JdbcPaperLedgerTest.class.getResourceAsStream("/db/paper/V0_5__paper_trading_ledger.sql")
                    .readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Override
    protected PaperLedger ledger() {
        return new JdbcPaperLedger(dataSource);
    }

    @Override
    protected PaperLedger reopened() {
        return new JdbcPaperLedger(dataSource);
    }
}
