package io.aviary.trading.infra;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A real PostgreSQL (embedded) with this service's own migrations, and the statements the code under
 * test prepared on it, so a test can tell which queries a call ran.
 */
final class TradingDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final HikariDataSource pool;
    /** Every statement prepared through {@link #jdbc}, in order. */
    final List<String> statements = new CopyOnWriteArrayList<>();
    final JdbcTemplate jdbc;

    TradingDatabase() {
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PGSimpleDataSource ds = (PGSimpleDataSource) postgres.getPostgresDatabase();
        ds.setCurrentSchema("trading");
        Flyway.configure().dataSource(ds).schemas("trading").defaultSchema("trading")
                .locations("classpath:db/migration").load().migrate();
        HikariConfig pool = new HikariConfig(); // as the service runs: pooled, not a new connection per statement
        pool.setDataSource(ds);
        pool.setMaximumPoolSize(2);
        this.pool = new HikariDataSource(pool);
        jdbc = new JdbcTemplate(new DelegatingDataSource(this.pool) {
            @Override
            public Connection getConnection() throws SQLException {
                return recording(super.getConnection());
            }
        });
    }

    long countStatements() {
        return statements.stream().filter(sql -> sql.contains("count(*)")).count();
    }

    private Connection recording(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
                        statements.add(sql);
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public void close() throws IOException {
        pool.close();
        postgres.close();
    }
}
