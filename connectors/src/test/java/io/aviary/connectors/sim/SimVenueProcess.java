package io.aviary.connectors.sim;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The simulated exchange as its own process, the way the platform runs it: {@code java -jar} of
 * the venue's executable jar on a free port with a temporary data directory.
 *
 * <p>The jar is found, in order: system property {@code sim.exchange.jar};
 * {@code sim-exchange/target/sim-exchange-*-exec.jar} in an enclosing directory (the repository);
 * an {@code -exec.jar} of sim-exchange on the test class path. Build it with
 * {@code mvn -B -q -pl sim-exchange package -DskipTests}.
 */
public final class SimVenueProcess implements AutoCloseable {

    static final String JAR_NAME = "sim-exchange-0.1.0-SNAPSHOT-exec.jar";

    private final Path dataDir;
    private final int port;
    private final Map<String, String> env;
    private final List<String> jvmOptions;
    private Process process;

    private SimVenueProcess(Path dataDir, int port, Map<String, String> env, List<String> jvmOptions) {
        this.dataDir = dataDir;
        this.port = port;
        this.env = env;
        this.jvmOptions = jvmOptions;
    }

    /** Starts a venue and waits until {@code /actuator/health} answers UP. */
    public static SimVenueProcess start(Map<String, String> env) {
        return start(env, List.of("-XX:TieredStopAtLevel=1"));
    }

    public static SimVenueProcess start(Map<String, String> env, List<String> jvmOptions) {
        try {
            SimVenueProcess venue = new SimVenueProcess(Files.createTempDirectory("sim-venue"), freePort(), env,
                    jvmOptions);
            venue.launch();
            return venue;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the sim-exchange process", e);
        }
    }

    /**
     * Waits (at most 20 s) until simulated makers quote both sides of spot BTC-USDT: a fresh or
     * restarted venue quotes on its first ticks, and tests that read a best price need one.
     */
    public void awaitQuotes() throws InterruptedException {
        var market = SimConnectorFactory.spot(url()).marketData();
        var btc = io.aviary.connectors.model.TradingPair.parse("BTC-USDT");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            var book = market.orderBook(btc, 1);
            if (!book.bids().isEmpty() && !book.asks().isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
    }

    public URI url() {
        return URI.create("http://localhost:" + port);
    }

    void launch() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar().toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> environment = new HashMap<>(env);
        environment.put("SERVER_PORT", Integer.toString(port));
        environment.put("SIM_EXCHANGE_DATA_DIR", dataDir.toString());
        pb.environment().putAll(environment);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("venue.log").toFile()));
        process = pb.start();
        awaitHealthy(Duration.ofSeconds(120));
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sim-exchange exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(url().resolve("/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new IllegalStateException("sim-exchange did not become healthy in " + timeout + ":\n" + logTail());
    }

    /** Stops the process (SIGTERM, then SIGKILL after 15 s). */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Same port, same data directory: a restart of the venue. */
    public void restart() {
        stop();
        try {
            launch();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("venue.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    static Path jar() {
        String explicit = System.getProperty("sim.exchange.jar");
        if (explicit != null) {
            return Path.of(explicit);
        }
        // the checkout's freshly built jar first: a class-path copy from ~/.m2 may be stale
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("sim-exchange").resolve("target").resolve(JAR_NAME);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        for (String property : List.of("surefire.test.class.path", "java.class.path")) {
            for (String entry : System.getProperty(property, "").split(File.pathSeparator)) {
                if (entry.contains("sim-exchange") && entry.endsWith("-exec.jar") && Files.exists(Path.of(entry))) {
                    return Path.of(entry);
                }
            }
        }
        throw new IllegalStateException("the sim-exchange executable jar was not found; build it with "
                + "'mvn -B -q -pl sim-exchange package -DskipTests' (or pass -Dsim.exchange.jar=...)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
