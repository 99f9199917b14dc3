package io.aviary.orchestration.infra;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.aviary.kit.failure.Unavailable;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Docker engine at {@code DOCKER_HOST}, through docker-java. The API version is negotiated on first use: the
 * engine's own version (asked without a version prefix) capped at the newest this client speaks, so Debian's 20.10
 * engine (API 1.41) and current engines both work. An engine that cannot be reached is an {@link Unavailable} naming
 * it, raised within the connect timeout, never a hang; negotiation is retried on the next call.
 */
@Component
public class DockerEngine implements DisposableBean {

    /** The label every bot container carries; its value is the bot's name. */
    public static final String BOT_LABEL = "io.aviary.bot";

    /** The newest API version docker-java 3.7 speaks. */
    static final RemoteApiVersion CLIENT_MAX = RemoteApiVersion.VERSION_1_44;

    private static final Logger log = LoggerFactory.getLogger(DockerEngine.class);

    private final String host;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private volatile Negotiated negotiated;

    public DockerEngine(@Value("${aviary.docker.host}") String host,
                        @Value("${aviary.docker.connect-timeout:2s}") Duration connectTimeout,
                        @Value("${aviary.docker.response-timeout:60s}") Duration responseTimeout) {
        this.host = host;
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
    }

    /** Where the engine is expected ({@code DOCKER_HOST}). */
    public String host() {
        return host;
    }

    /** One call to the engine; a connection failure becomes {@link Unavailable}, the engine's answers pass through. */
    public <T> T call(Function<DockerClient, T> call) {
        DockerClient client = client();
        try {
            return call.apply(client);
        } catch (RuntimeException e) {
            if (isConnectionFailure(e)) {
                throw unreachable();
            }
            throw e;
        }
    }

    /** Whether the engine answers a ping now. */
    public boolean isReachable() {
        try {
            call(client -> client.pingCmd().exec());
            return true;
        } catch (Unavailable e) {
            return false;
        }
    }

    /** The API version in use, once negotiated. */
    public Optional<String> apiVersion() {
        Negotiated current = negotiated;
        return current == null ? Optional.empty() : Optional.of(current.version().getVersion());
    }

    private DockerClient client() {
        Negotiated current = negotiated;
        if (current != null) {
            return current.client();
        }
        synchronized (this) {
            if (negotiated == null) {
                negotiated = negotiate();
            }
            return negotiated.client();
        }
    }

    private Negotiated negotiate() {
        DockerClient unversioned = open(RemoteApiVersion.UNKNOWN_VERSION);
        Version server;
        try {
            server = unversioned.versionCmd().exec();
        } catch (RuntimeException e) {
            closeQuietly(unversioned);
            if (isConnectionFailure(e)) {
                throw unreachable();
            }
            throw new Unavailable("Docker engine at " + host + " did not answer its version");
        }
        closeQuietly(unversioned);
        RemoteApiVersion serverVersion = RemoteApiVersion.parseConfig(server.getApiVersion());
        RemoteApiVersion use = serverVersion.isGreaterOrEqual(CLIENT_MAX) ? CLIENT_MAX : serverVersion;
        log.info("Docker engine {} at {}: API {} (client max {}), using {}", server.getVersion(), host,
                server.getApiVersion(), CLIENT_MAX.getVersion(), use.getVersion());
        return new Negotiated(open(use), use);
    }

    private DockerClient open(RemoteApiVersion version) {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host).withApiVersion(version).build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(URI.create(host))
                .sslConfig(config.getSSLConfig())
                .maxConnections(20)
                .connectionTimeout(connectTimeout)
                .responseTimeout(responseTimeout)
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    private Unavailable unreachable() {
        return new Unavailable("Docker engine not reachable at " + host);
    }

    /** docker-java's transports wrap socket errors (refused, missing socket file, timeouts) in runtime exceptions. */
    static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static void closeQuietly(DockerClient client) {
        try {
            client.close();
        } catch (IOException ignored) {
            // nothing was left open that matters
        }
    }

    @Override
    public void destroy() {
        Negotiated current = negotiated;
        if (current != null) {
            closeQuietly(current.client());
        }
    }

    private record Negotiated(DockerClient client, RemoteApiVersion version) {
    }
}
