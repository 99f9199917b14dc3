package io.aviary.kit.s3;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3-compatible HTTP server for tests: s3proxy (its Jetty shaded inside its jar) on jclouds' filesystem
 * blobstore in a temporary folder, with AWS signature v2/v4 checked against one key pair, on 127.0.0.1 and a free
 * port. The S3 counterpart of the embedded Kafka and HiveMQ brokers the other tests use.
 *
 * <p>It runs as a child JVM: jclouds needs Guice 7 (jakarta.inject) while embedded HiveMQ, on the same test
 * classpath in orchestration-service, needs Guice 5 (javax.inject); the child gets the test classpath with Guice 7
 * in place of Guice 5. It ends when the test JVM ends (it exits when its stdin closes). The filesystem blobstore keeps
 * a bucket as a folder and an object as a file under it, so tests create buckets and look at objects there.
 */
public final class LocalS3Server implements AutoCloseable {

    public static final String ACCESS_KEY = "aviary-test-access";
    public static final String SECRET_KEY = "aviary-test-secret-0123456789";
    private static final String READY = "LOCAL-S3-READY";
    /** The Guice jclouds 2.7 is built for. */
    private static final String GUICE_7 = "com/google/inject/guice/7.0.0/guice-7.0.0.jar";

    private final Process process;
    private final Path baseDir;
    private final int port;

    private LocalS3Server(Process process, Path baseDir, int port) {
        this.process = process;
        this.baseDir = baseDir;
        this.port = port;
    }

    /** Starts a server with an empty store in a new temporary folder and waits until it answers. */
    public static LocalS3Server start() {
        try {
            Path baseDir = Files.createTempDirectory("aviary-s3");
            Path log = Files.createTempFile("aviary-s3", ".log");
            int port = freePort();
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", childClasspath(), "-Xmx256m", LocalS3Server.class.getName(), baseDir.toString(),
                    Integer.toString(port))
                    .redirectError(log.toFile())
                    .start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    String read;
                    while ((read = out.readLine()) != null && !read.equals(READY)) {
                        // s3proxy's own output
                    }
                    return read;
                } catch (IOException e) {
                    return null;
                }
            }).get(60, TimeUnit.SECONDS);
            if (line == null) {
                process.destroyForcibly();
                throw new IllegalStateException("s3proxy did not start; see " + log);
            }
            return new LocalS3Server(process, baseDir, port);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the local S3 server: " + e.getMessage(), e);
        }
    }

    /** This test JVM's classpath with Guice 7 in place of any other Guice (and without javax.inject). */
    private static String childClasspath() {
        List<String> entries = new ArrayList<>();
        String guice7 = null;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String unixy = entry.replace('\\', '/');
            if (unixy.endsWith(GUICE_7)) {
                guice7 = entry;
            } else if (!unixy.contains("/com/google/inject/guice/") && !unixy.contains("/javax/inject/javax.inject/")) {
                entries.add(entry);
            }
            int repository = unixy.indexOf("/org/gaul/s3proxy/");
            if (repository > 0 && guice7 == null) {
                guice7 = Path.of(entry.substring(0, repository), GUICE_7).toString();
            }
        }
        if (guice7 == null || !Files.isRegularFile(Path.of(guice7))) {
            throw new IllegalStateException("guice 7.0.0 (for jclouds) not found in the local Maven repository");
        }
        entries.addFirst(guice7);
        return String.join(File.pathSeparator, entries);
    }

    /** The child: s3proxy on the folder and port given, until stdin closes. */
    public static void main(String[] args) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", args[0]);
        BlobStoreContext context = ContextBuilder.newBuilder("filesystem").credentials(ACCESS_KEY, SECRET_KEY)
                .overrides(properties).build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:" + args[1]))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        System.out.println(READY);
        System.out.flush();
        while (System.in.read() >= 0) {
            // runs until the parent closes stdin or dies
        }
        proxy.stop();
        context.close();
        System.exit(0);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Creates a bucket (a folder of the filesystem blobstore). */
    public void createBucket(String bucket) {
        try {
            Files.createDirectories(baseDir.resolve(bucket));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the blobstore keeps an object: a file named by its key under the bucket's folder. */
    public Path objectFile(String bucket, String key) {
        return baseDir.resolve(bucket).resolve(key);
    }

    /** Settings that reach this server with its credentials (or others, to test a refusal). */
    public S3Settings settings(String accessKey, String secretKey) {
        return new S3Settings(accessKey, secretKey, endpoint(), "us-east-1", true, null, Duration.ofSeconds(3));
    }

    public S3Settings settings() {
        return settings(ACCESS_KEY, SECRET_KEY);
    }

    /** A port nothing listens on now (for "S3 unreachable"). */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(baseDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
