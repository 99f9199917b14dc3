package io.aviary.devstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * One service JVM started by the suite: its command, environment and log file ({@code <dataDir>/logs/<name>.log};
 * the previous run's log is kept as {@code <name>.log.1}). Output of the JVM (stdout and stderr) goes to the log.
 */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    private final String name;
    private final int port;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workDir;
    private final Path logFile;
    private final boolean freshLog;
    private final Duration stopGrace;
    private volatile Process process;
    private volatile long startNanos;

    /**
     * @param freshLog keep the previous log as {@code <name>.log.1} and start a new one; otherwise append to it
     *                 (a restart within one suite, so the log holds every run of that suite)
     */
    ServiceProcess(String name, int port, List<String> command, Map<String, String> environment, Path workDir, Path logFile,
            boolean freshLog, Duration stopGrace) {
        this.name = name;
        this.port = port;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.workDir = workDir;
        this.logFile = logFile;
        this.freshLog = freshLog;
        this.stopGrace = stopGrace;
    }

    synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        Files.createDirectories(logFile.getParent());
        if (freshLog && Files.exists(logFile)) {
            Files.move(logFile, logFile.resolveSibling(logFile.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        } else if (Files.exists(logFile)) {
            Files.writeString(logFile, "\n===== aviary devstack: " + name + " started again at " + java.time.Instant.now() + " =====\n",
                    java.nio.file.StandardOpenOption.APPEND);
        }
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().clear();
        pb.environment().putAll(environment);
        startNanos = System.nanoTime();
        process = pb.start();
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path logFile() {
        return logFile;
    }

    /** The command line (for diagnostics). */
    public List<String> command() {
        return command;
    }

    /** The environment it was started with (contains secrets: never print it whole). */
    public Map<String, String> environment() {
        return environment;
    }

    public long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }

    public boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** Exit status when it has exited. */
    public OptionalInt exitCode() {
        Process p = process;
        return p == null || p.isAlive() ? OptionalInt.empty() : OptionalInt.of(p.exitValue());
    }

    /** Time since it was (last) started. */
    public Duration age() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** {@code GET /actuator/health} answers 200 with status UP. */
    public boolean isHealthy() {
        if (!isAlive()) {
            return false;
        }
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url() + "/actuator/health")).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("UP");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Polls health until UP; false when it exited or the time ran out. */
    public boolean awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (isHealthy()) {
                return true;
            }
            if (!isAlive()) {
                return false;
            }
            sleep(200);
        }
        return false;
    }

    /** Waits for the JVM to exit; empty when it is still running after {@code timeout}. */
    public OptionalInt waitForExit(Duration timeout) {
        Process p = process;
        if (p == null) {
            return OptionalInt.empty();
        }
        try {
            if (p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return OptionalInt.of(p.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OptionalInt.empty();
    }

    /** Everything in its log file (with a restart inside one suite: every run). */
    public String output() {
        try {
            return Files.exists(logFile) ? new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last {@code lines} lines of its output. */
    public List<String> tail(int lines) {
        String[] all = output().split("\\R");
        List<String> out = new ArrayList<>();
        for (int i = Math.max(0, all.length - lines); i < all.length; i++) {
            out.add(all[i]);
        }
        return out;
    }

    /** How long {@link #stop()} waits for it after SIGTERM. */
    public Duration stopGrace() {
        return stopGrace;
    }

    /** SIGTERM, then SIGKILL if it is still there after its grace period (30 s; 180 s while it records a CDS archive). */
    public void stop() {
        stop(stopGrace);
    }

    /** SIGKILL, then waits for the process to be gone. */
    public void kill() {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void stop(Duration grace) {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return name + "(" + url() + ", pid " + pid() + ")";
    }
}
