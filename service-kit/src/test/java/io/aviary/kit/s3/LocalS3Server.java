package io.aviary.kit.s3;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3-compatible HTTP server for tests: s3proxy (its Jetty shaded inside its jar) on jclouds' filesystem
 * blobstore in a temporary folder, with AWS signature v2/v4 checked against one key pair, on 127.0.0.1 and a free
 * port. The S3 counterpart of the embedded Kafka and HiveMQ brokers the other tests use.
 */
public final class LocalS3Server implements AutoCloseable {

    public static final String ACCESS_KEY = "aviary-test-access";
    public static final String SECRET_KEY = "aviary-test-secret-0123456789";

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final Path baseDir;
    private final int port;

    private LocalS3Server(Path baseDir, int port) throws Exception {
        this.baseDir = baseDir;
        this.port = port;
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", baseDir.toString());
        this.context = ContextBuilder.newBuilder("filesystem").credentials(ACCESS_KEY, SECRET_KEY)
                .overrides(properties).build(BlobStoreContext.class);
        this.proxy = S3Proxy.builder().blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
            }
            Thread.sleep(10);
        }
    }

    /** Starts a server with an empty store in a new temporary folder. */
    public static LocalS3Server start() {
        try {
            return new LocalS3Server(Files.createTempDirectory("aviary-s3"), freePort());
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the local S3 server", e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The blobstore behind the server, to create buckets and look at objects without going through HTTP. */
    public BlobStore store() {
        return context.getBlobStore();
    }

    public void createBucket(String bucket) {
        store().createContainerInLocation(null, bucket);
    }

    /** Settings that reach this server with its credentials (or others, to test a refusal). */
    public S3Settings settings(String accessKey, String secretKey) {
        return new S3Settings(accessKey, secretKey, endpoint(), "us-east-1", true, null, java.time.Duration.ofSeconds(3));
    }

    public S3Settings settings() {
        return settings(ACCESS_KEY, SECRET_KEY);
    }

    /** A port nothing listens on (for "S3 unreachable"). */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
        try (var files = Files.walk(baseDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
