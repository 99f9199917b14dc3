package io.aviary.orchestration.runtime;

import io.aviary.kit.failure.Conflict;
import io.aviary.orchestration.domain.BotRuntimeDriver;
import io.aviary.orchestration.infra.KubernetesApi;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Bots as Kubernetes pods (docs/adr/0020-bots-on-kubernetes.md): one pod per bot in {@code BOT_K8S_NAMESPACE},
 * the bot image, Hummingbot's environment with its secrets in a per-bot Secret, and the instance folder's mounts
 * from the PersistentVolumeClaim that holds {@code BOTS_PATH} (orchestration-service writes the folder there, the
 * bot writes data/ and logs/ there, stop-and-archive moves it there). Pods and secrets carry the label
 * {@value BotPod#BOT_LABEL}, which is how bots are found again after a restart of orchestration-service.
 */
@Component
@ConditionalOnExpression("'${aviary.bots.runtime:${BOT_RUNTIME:process}}' == 'kubernetes'")
public class KubernetesRuntime implements BotRuntimeDriver {

    private static final Logger LOG = LoggerFactory.getLogger(KubernetesRuntime.class);
    /** How much longer than the grace period stop waits for the kubelet to report the pod gone. */
    private static final Duration STOP_SLACK = Duration.ofSeconds(5);

    private final KubernetesApi api;
    private final BotPod.Settings settings;
    private final String user;

    @Autowired
    public KubernetesRuntime(KubernetesApi api,
                             @Value("${aviary.bots.image}") String image,
                             @Value("${aviary.bots.path}") String botsPath,
                             @Value("${aviary.bots.kubernetes.bots-claim:${BOT_K8S_BOTS_PVC:aviary-bots}}") String claim,
                             @Value("${aviary.bots.kubernetes.stop-grace:20s}") Duration stopGrace,
                             @Value("${aviary.bots.docker.user:${BOT_CONTAINER_USER:}}") String user) {
        this(api, new BotPod.Settings(api.namespace(), image, Path.of(botsPath), claim, stopGrace), user);
    }

    KubernetesRuntime(KubernetesApi api, BotPod.Settings settings, String user) {
        this.api = api;
        this.settings = settings;
        this.user = user;
    }

    @Override
    public String kind() {
        return "kubernetes";
    }

    @Override
    public void start(String botName, Path instanceFolder, Map<String, String> environment, BotResources resources) {
        Optional<FolderOwner> owner = user.isBlank() ? FolderOwner.of(instanceFolder) : FolderOwner.parse(user);
        Pod pod = BotPod.pod(botName, settings, instanceFolder, environment, resources, owner);
        Optional<Secret> secret = BotPod.secret(botName, settings, environment);
        if (find(Pod.class, BotPod.objectName(botName)).isPresent()) {
            throw podExists(botName);
        }
        secret.ifPresent(this::createSecret);
        try {
            create(pod);
        } catch (KubernetesClientException e) {
            // nothing half-created: the secret made for a pod that could not be created goes again
            secret.ifPresent(this::deleteQuietly);
            if (e.getCode() == 409) {
                throw podExists(botName);
            }
            throw e;
        } catch (RuntimeException e) {
            secret.ifPresent(this::deleteQuietly);
            throw e;
        }
    }

    /** A pod cannot be stopped and kept: stopping deletes it with the grace period and waits for it to be gone. */
    @Override
    public void stop(String botName) {
        if (ownPod(botName).isEmpty()) {
            return; // gone already: stopping is idempotent
        }
        String name = BotPod.objectName(botName);
        api.call(client -> client.pods().inNamespace(settings.namespace()).withName(name)
                .withGracePeriod(settings.stopGrace().toSeconds()).delete());
        try {
            api.call(client -> client.pods().inNamespace(settings.namespace()).withName(name)
                    .waitUntilCondition(Objects::isNull, settings.stopGrace().plus(STOP_SLACK).toMillis(),
                            TimeUnit.MILLISECONDS));
        } catch (KubernetesClientException e) {
            // still terminating after the grace period: the kubelet kills it; the caller goes on as Docker's does
            LOG.warn("Pod {} of bot {} not gone {} after its deletion", name, botName, settings.stopGrace());
        }
    }

    /** Deletes the bot's pod (at once) and its secret. */
    @Override
    public void remove(String botName) {
        if (ownPod(botName).isPresent()) {
            api.call(client -> client.pods().inNamespace(settings.namespace()).withName(BotPod.objectName(botName))
                    .withGracePeriod(0).delete());
        }
        find(Secret.class, BotPod.secretName(botName)).filter(secret -> BotPod.isBot(secret, botName))
                .ifPresent(secret -> api.call(client -> client.resource(secret).delete()));
    }

    @Override
    public Optional<RuntimeState> state(String botName) {
        return ownPod(botName).map(BotPod::state);
    }

    @Override
    public List<String> bots() {
        List<Pod> pods = api.call(client -> client.pods().inNamespace(settings.namespace())
                .withLabel(BotPod.BOT_LABEL).list().getItems());
        return pods.stream().map(BotPod::botName).flatMap(Optional::stream).sorted().toList();
    }

    private Optional<Pod> ownPod(String botName) {
        return find(Pod.class, BotPod.objectName(botName)).filter(pod -> BotPod.isBot(pod, botName));
    }

    private <T extends HasMetadata> Optional<T> find(Class<T> kind, String name) {
        return Optional.ofNullable(api.call(client -> client.resources(kind).inNamespace(settings.namespace())
                .withName(name).get()));
    }

    private void createSecret(Secret secret) {
        try {
            create(secret);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                throw new Conflict("A Kubernetes secret named '" + secret.getMetadata().getName()
                        + "' already exists in namespace '" + settings.namespace() + "'");
            }
            throw e;
        }
    }

    private void create(HasMetadata object) {
        api.call(client -> client.resource(object).inNamespace(settings.namespace()).create());
    }

    private void deleteQuietly(HasMetadata object) {
        try {
            api.call(client -> client.resource(object).inNamespace(settings.namespace()).delete());
        } catch (RuntimeException ignored) {
            // the start failure is what the caller needs to see
        }
    }

    private Conflict podExists(String botName) {
        return new Conflict("A Kubernetes pod named '" + BotPod.objectName(botName) + "' already exists in namespace '"
                + settings.namespace() + "'");
    }
}
