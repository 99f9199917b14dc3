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
 * Creates role {@value #USER} / password {@value #PASSWORD} and database {@value #DATABASE} when missing.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DATABASE = "aviary";
    public static final String USER = "aviary";
    public static final String PASSWORD = "aviary";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres postgres;
    /** Set by {@link #close()}, cleared by {@link #start()}: a postmaster that is gone then was stopped on purpose. */
    private boolean stopped;

    public EmbeddedPostgresServer(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
        this.port = port;
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
                .start();
        try {
            ensureRoleAndDatabase();
        } catch (SQLException e) {
            shutdown();
            throw new IOException("PostgreSQL started but the aviary role/database could not be created: " + e.getMessage(), e);
        }
        log.info("PostgreSQL up on 127.0.0.1:{} (data {}) in {} ms", port, dataDirectory,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    }

    private void ensureRoleAndDatabase() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            if (!exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", USER)) {
                s.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
            }
            if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", DATABASE)) {
                s.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
            }
        }
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

    /** In the form the services read: {@code postgresql://aviary:aviary@127.0.0.1:<port>/aviary}. */
    public String databaseUrl() {
        return "postgresql://" + USER + ":" + PASSWORD + "@127.0.0.1:" + port + "/" + DATABASE;
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
