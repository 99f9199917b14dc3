package io.aviary.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One server per test class would be faster, but each case needs its own data dir history; two starts each. */
class EmbeddedPostgresServerTest {

    @TempDir
    Path dir;

    @Test
    void servesTheAviaryDatabaseAndKeepsItsDataAcrossRestarts() throws Exception {
        int port = Ports.free();
        EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(dir.resolve("postgres"), port, List.of());
        try {
            postgres.start();
            String password = postgres.password(EmbeddedPostgresServer.USER);
            assertThat(postgres.databaseUrl()).isEqualTo("postgresql://aviary:" + password + "@127.0.0.1:" + port + "/aviary");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("postgres-passwords/aviary"))))
                    .isEqualTo("rw-------");
            try (Connection c = connect(postgres, EmbeddedPostgresServer.USER); Statement s = c.createStatement()) {
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
            try (Connection c = connect(postgres, EmbeddedPostgresServer.USER); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT v FROM probe.t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("kept");
            }
        } finally {
            postgres.close();
        }
    }

    /** zonky's initdb trusts every connection; the launcher's server asks every role for its password. */
    @Test
    void refusesAWrongPasswordAndTheSuperuserWithoutOne() throws Exception {
        EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(dir.resolve("postgres"), Ports.free(), List.of("alpha"));
        try {
            postgres.start();
            assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), "aviary", "aviary"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
            assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), "aviary_alpha", "wrong"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
            assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), "postgres", ""))
                    .isInstanceOf(SQLException.class);
            try (Connection c = connect(postgres, EmbeddedPostgresServer.SUPERUSER)) {
                assertThat(c.isValid(2)).isTrue();
            }
        } finally {
            postgres.close();
        }
    }

    /** A service's role owns its schema and nothing else: it can neither read another's tables nor make schemas. */
    @Test
    void aServiceRoleReachesOnlyItsOwnSchema() throws Exception {
        EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(dir.resolve("postgres"), Ports.free(), List.of("alpha", "beta"));
        try {
            postgres.start();
            try (Connection c = connect(postgres, "aviary_alpha"); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE alpha.balance (v int)");
                s.execute("INSERT INTO alpha.balance VALUES (42)");
            }
            try (Connection c = connect(postgres, "aviary_beta"); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeQuery("SELECT v FROM alpha.balance"))
                        .hasMessageContaining("permission denied for schema alpha");
                assertThatThrownBy(() -> s.execute("CREATE TABLE alpha.intruder (v int)"))
                        .hasMessageContaining("permission denied for schema alpha");
                assertThatThrownBy(() -> s.execute("CREATE TABLE public.side (v int)"))
                        .hasMessageContaining("permission denied for schema public");
                assertThatThrownBy(() -> s.execute("CREATE SCHEMA gamma"))
                        .hasMessageContaining("permission denied for database aviary");
            }
            // the operator's role sees everything (tests and psql sessions read the services' tables with it)
            try (Connection c = connect(postgres, EmbeddedPostgresServer.USER); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT v FROM alpha.balance")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        } finally {
            postgres.close();
        }
    }

    /** Schemas made by an older launcher belong to role aviary; on the next start they go to the service's role. */
    @Test
    void handsASchemaAnOlderLauncherCreatedToItsServiceRole() throws Exception {
        int port = Ports.free();
        EmbeddedPostgresServer older = new EmbeddedPostgresServer(dir.resolve("postgres"), port, List.of());
        try {
            older.start();
            try (Connection c = connect(older, EmbeddedPostgresServer.USER); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA alpha");
                s.execute("CREATE TABLE alpha.flyway_schema_history (installed_rank int PRIMARY KEY)");
                s.execute("CREATE TABLE alpha.orders (id bigserial PRIMARY KEY, n bigint GENERATED ALWAYS AS IDENTITY)");
                s.execute("CREATE SEQUENCE alpha.free_standing");
                s.execute("CREATE VIEW alpha.recent AS SELECT id FROM alpha.orders");
            }
        } finally {
            older.close();
        }
        EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(dir.resolve("postgres"), port, List.of("alpha"));
        try {
            postgres.start();
            try (Connection c = connect(postgres, "aviary_alpha"); Statement s = c.createStatement()) {
                s.execute("INSERT INTO alpha.flyway_schema_history VALUES (1)");
                s.execute("INSERT INTO alpha.orders DEFAULT VALUES");
                s.execute("ALTER TABLE alpha.orders ADD COLUMN note text");
                s.execute("SELECT nextval('alpha.free_standing')");
                s.execute("CREATE OR REPLACE VIEW alpha.recent AS SELECT id FROM alpha.orders");
                ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_class WHERE relnamespace = 'alpha'::regnamespace"
                        + " AND relowner <> 'aviary_alpha'::regrole");
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        } finally {
            postgres.close();
        }
    }

    private static Connection connect(EmbeddedPostgresServer postgres, String role) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), role, postgres.password(role));
    }
}
