package io.aviary.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @TempDir
    Path dir;

    @Test
    void servesTheAviaryDatabaseAndKeepsItsDataAcrossRestarts() throws Exception {
        int port = Ports.free();
        EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(dir.resolve("postgres"), port);
        try {
            postgres.start();
            assertThat(postgres.databaseUrl()).isEqualTo("postgresql://aviary:aviary@127.0.0.1:" + port + "/aviary");
            try (Connection c = connect(postgres); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA probe");
                s.execute("CREATE TABLE probe.t (v text)");
                s.execute("INSERT INTO probe.t VALUES ('kept')");
                ResultSet rs = s.executeQuery("SELECT current_user, current_database(), version()");
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("aviary");
                assertThat(rs.getString(2)).isEqualTo("aviary");
                assertThat(rs.getString(3)).startsWith("PostgreSQL 17");
            }
            postgres.close();
            assertThat(postgres.postmaster()).isEmpty();

            // same data directory: no initdb, role and database creation are idempotent, the row is still there
            postgres.start();
            try (Connection c = connect(postgres); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT v FROM probe.t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("kept");
            }
        } finally {
            postgres.close();
        }
    }

    private static Connection connect(EmbeddedPostgresServer postgres) throws Exception {
        return DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
    }
}
