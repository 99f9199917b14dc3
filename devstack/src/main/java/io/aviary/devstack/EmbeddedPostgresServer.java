package io.aviary.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL from zonky's embedded binaries with a persistent data directory. As root, zonky runs initdb and
 * postgres inside {@code unshare -U} (as "nobody"), which is why this works in containers too.
 *
 * <p>zonky's initdb trusts every local connection; on every start this replaces that with password (SCRAM)
 * authentication for every connection, the superuser's included. Each service schema gets its own login role
 * ({@code aviary_<schema>}) that owns that schema and nothing else; role {@value #USER} owns database
 * {@value #DATABASE} and is a member of every service role (the operator's and the tests' view of all data).
 * The passwords are random, generated once and kept in {@code <dataDir>/postgres-passwords/<role>} (mode 600).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DATABASE = "aviary";
    public static final String USER = "aviary";
    static final String SUPERUSER = "postgres";
    static final String PG_HBA = """
            # Written by the Aviary launcher on every start: every connection authenticates with a password (SCRAM).
            local   all   all                 scram-sha-256
            host    all   all   127.0.0.1/32  scram-sha-256
            host    all   all   ::1/128       scram-sha-256
            """;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final Path dataDirectory;
    private final Path passwordDirectory;
    private final int port;
    private final List<String> schemas;
    private EmbeddedPostgres postgres;
    /** Set by {@link #close()}, cleared by {@link #start()}: a postmaster that is gone then was stopped on purpose. */
    private boolean stopped;

    /** @param schemas the service schemas, each created (when missing) and owned by its own role */
    public EmbeddedPostgresServer(Path dataDirectory, int port, List<String> schemas) {
        this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
        this.passwordDirectory = this.dataDirectory.resolveSibling("postgres-passwords");
        this.port = port;
        this.schemas = List.copyOf(schemas);
    }

    public synchronized void start() throws IOException {
        if (postgres != null) {
            return;
        }
        stopped = false;
        Files.createDirectories(dataDirectory);
        stopOrphanedPostmaster();
        long t0 = System.nanoTime();
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                // stopped in order by whoever owns this object, after the services are down
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("password_encryption", "scram-sha-256")
                // zonky's own connections (readiness check, ours below) log in as the superuser with its password
                .setConnectConfig("password", password(SUPERUSER))
                .start();
        try {
            ensureRolesAndDatabase();
            ensureSchemas();
            requirePasswords();
        } catch (SQLException | IOException e) {
            shutdown();
            throw new IOException("PostgreSQL started but its roles, schemas or authentication could not be set up: "
                    + e.getMessage(), e);
        }
        log.info("PostgreSQL up on 127.0.0.1:{} (data {}) in {} ms", port, dataDirectory,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    }

    private void ensureRolesAndDatabase() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + password(SUPERUSER) + "'");
            ensureLoginRole(c, USER);
            if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", DATABASE)) {
                s.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
            }
            // a role may connect to the database only when it is one of ours
            s.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
            for (String schema : schemas) {
                String role = ServiceSpec.databaseRole(schema);
                ensureLoginRole(c, role);
                s.execute("GRANT CONNECT ON DATABASE " + DATABASE + " TO " + role);
                s.execute("GRANT " + role + " TO " + USER);
            }
        }
    }

    /** Creates the role, or sets its password again (a data dir of an older launcher has aviary/aviary). */
    private void ensureLoginRole(Connection c, String role) throws SQLException {
        String verb = exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", role) ? "ALTER" : "CREATE";
        try (Statement s = c.createStatement()) {
            s.execute(verb + " ROLE " + role + " LOGIN PASSWORD '" + password(role) + "'");
        }
    }

    /**
     * Each schema belongs to its service's role. Schemas an older launcher let the services create as
     * {@value #USER} are handed over with everything in them (flyway_schema_history included), so the service
     * still migrates and writes them.
     */
    private void ensureSchemas() throws SQLException {
        try (Connection c = postgres.getDatabase(SUPERUSER, DATABASE).getConnection(); Statement s = c.createStatement()) {
            s.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC");
            for (String schema : schemas) {
                String role = ServiceSpec.databaseRole(schema);
                s.execute("CREATE SCHEMA IF NOT EXISTS " + schema + " AUTHORIZATION " + role);
                s.execute("ALTER SCHEMA " + schema + " OWNER TO " + role);
                s.execute(HAND_OVER.replace(":schema", schema).replace(":role", role));
            }
        }
    }

    /**
     * Gives every relation and routine of a schema to a role. Sequences owned by a column follow their table
     * (changing them on their own is an error), so they are skipped here.
     */
    private static final String HAND_OVER = """
            DO $$
            DECLARE r record;
            BEGIN
              FOR r IN SELECT c.oid::regclass AS name, CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END AS kind
                         FROM pg_class c
                        WHERE c.relnamespace = ':schema'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
                          AND c.relowner <> ':role'::regrole
                          AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                                   AND d.objid = c.oid AND d.deptype IN ('a', 'i')))
              LOOP
                EXECUTE format('ALTER %s %s OWNER TO %I', r.kind, r.name, ':role');
              END LOOP;
              FOR r IN SELECT p.oid::regprocedure AS name FROM pg_proc p
                        WHERE p.pronamespace = ':schema'::regnamespace AND p.proowner <> ':role'::regrole
              LOOP
                EXECUTE format('ALTER ROUTINE %s OWNER TO %I', r.name, ':role');
              END LOOP;
            END $$""";

    /** Replaces zonky's trust-everyone pg_hba.conf (once) and makes the running server read it. */
    private void requirePasswords() throws IOException, SQLException {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        if (Files.isRegularFile(hba) && Files.readString(hba).equals(PG_HBA)) {
            return;
        }
        Files.writeString(hba, PG_HBA);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_reload_conf()");
        }
    }

    /** The password of an embedded role: generated on first use, then read from its file. */
    public String password(String role) {
        return SecretFile.readOrCreate(passwordDirectory.resolve(role));
    }

    private static boolean exists(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * A postmaster left behind by a launcher that was killed hard still holds the data directory and the port.
     * The caller holds the data-dir lock, so nobody else owns it: stop it (fast shutdown), then kill it.
     */
    private void stopOrphanedPostmaster() {
        Optional<ProcessHandle> orphan = postmaster();
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle process = orphan.get();
        log.warn("Stopping an orphaned PostgreSQL (pid {}) left on {}", process.pid(), dataDirectory);
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor(5, TimeUnit.SECONDS);
            process.onExit().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    /** The running postmaster of this data directory, if any (from {@code postmaster.pid}). */
    public Optional<ProcessHandle> postmaster() {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(cmd -> cmd.contains("postgres")).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** For role {@value #USER}, in the form the services read: {@code postgresql://aviary:<password>@127.0.0.1:<port>/aviary}. */
    public String databaseUrl() {
        return databaseUrl(USER);
    }

    /** For {@code role}, in the form the services read. */
    public String databaseUrl(String role) {
        return "postgresql://" + role + ":" + password(role) + "@127.0.0.1:" + port + "/" + DATABASE;
    }

    public synchronized boolean isRunning() {
        return postgres != null;
    }

    /** It was started and not stopped, but its postmaster is gone (killed, crashed, OOM-killed). */
    public synchronized boolean hasDied() {
        return postgres != null && postmaster().isEmpty();
    }

    /**
     * Starts PostgreSQL again on the same port and data after its postmaster died; PostgreSQL recovers from its WAL.
     * False when it was stopped on purpose in the meantime (then nothing is started).
     */
    public synchronized boolean restartAfterCrash() throws IOException {
        if (stopped) {
            return false;
        }
        if (postgres != null) {
            // releases zonky's lock on the data dir; its pg_ctl stop finds no server, which it logs and ignores
            shutdown();
        }
        log.warn("Restarting PostgreSQL on 127.0.0.1:{} after its postmaster died", port);
        start();
        return true;
    }

    @Override
    public synchronized void close() {
        stopped = true;
        shutdown();
    }

    private void shutdown() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Stopping PostgreSQL failed: {}", e.getMessage());
        } finally {
            postgres = null;
        }
    }
}
