package io.aviary.orchestration.infra;

import io.aviary.kit.failure.Unavailable;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The Kubernetes API bots run against ({@code BOT_RUNTIME=kubernetes}), through fabric8 on the JDK's HTTP client.
 * Where the API is and who we are comes from fabric8's usual configuration (the pod's service account inside a
 * cluster, else {@code ~/.kube/config}); {@code BOT_K8S_API_URL} overrides the address. Requests are not retried
 * and connecting gives up after the connect timeout, so an API that cannot be reached is an {@link Unavailable}
 * naming it within seconds, never a hang.
 */
@Component
@ConditionalOnExpression("'${aviary.bots.runtime:${BOT_RUNTIME:process}}' == 'kubernetes'")
public class KubernetesApi implements DisposableBean {

    private final KubernetesClient client;
    private final String namespace;

    @Autowired
    public KubernetesApi(@Value("${aviary.bots.kubernetes.api-url:${BOT_K8S_API_URL:}}") String apiUrl,
                         @Value("${aviary.bots.kubernetes.namespace:${BOT_K8S_NAMESPACE:}}") String namespace,
                         @Value("${aviary.bots.kubernetes.connect-timeout:2s}") Duration connectTimeout,
                         @Value("${aviary.bots.kubernetes.request-timeout:30s}") Duration requestTimeout) {
        this(connect(apiUrl, connectTimeout, requestTimeout), namespace);
    }

    /**
     * @param namespace where bots run; blank means the client's own namespace (a pod's namespace inside a cluster,
     *                  the kubeconfig context's outside), else {@code default}
     */
    public KubernetesApi(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace != null && !namespace.isBlank() ? namespace
                : client.getNamespace() != null ? client.getNamespace() : "default";
    }

    /** The namespace bots' pods and secrets live in. */
    public String namespace() {
        return namespace;
    }

    /** Where the API is expected, for messages. */
    public String url() {
        return String.valueOf(client.getMasterUrl());
    }

    /** One call to the API; a connection failure becomes {@link Unavailable}, the API's answers pass through. */
    public <T> T call(Function<KubernetesClient, T> call) {
        try {
            return call.apply(client);
        } catch (RuntimeException e) {
            if (isConnectionFailure(e)) {
                throw new Unavailable("Kubernetes API not reachable at " + url());
            }
            throw e;
        }
    }

    /** Whether the API answers now and lets us list pods in the bots' namespace (what every bot operation needs). */
    public boolean isReachable() {
        try {
            call(c -> c.pods().inNamespace(namespace).list(new ListOptionsBuilder().withLimit(1L).build()));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static KubernetesClient connect(String apiUrl, Duration connectTimeout, Duration requestTimeout) {
        ConfigBuilder config = new ConfigBuilder(Config.autoConfigure(null))
                .withConnectionTimeout((int) connectTimeout.toMillis())
                .withRequestTimeout((int) requestTimeout.toMillis())
                // fabric8 retries failed requests with back-off by default: seconds of waiting for an API that is not there
                .withRequestRetryBackoffLimit(0);
        if (apiUrl != null && !apiUrl.isBlank()) {
            config.withMasterUrl(apiUrl);
        }
        return new KubernetesClientBuilder().withConfig(config.build()).build();
    }

    /** fabric8 wraps socket errors (refused, timed out, unknown host) in its client exception. */
    static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void destroy() {
        client.close();
    }
}
