package io.aviary.orchestration.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.kit.failure.Conflict;
import io.aviary.orchestration.domain.BotRuntimeDriver.BotResources;
import io.aviary.orchestration.domain.BotRuntimeDriver.RuntimeState;
import io.aviary.orchestration.infra.KubernetesApi;
import io.aviary.orchestration.infra.KubernetesHealthIndicator;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Status;

/**
 * KubernetesRuntime against fabric8's Kubernetes API mock server in CRUD mode: what it creates, finds, maps and
 * deletes is what a real API server would store. (No kubelet runs there: pod status is patched in by the test.)
 */
// instance fields: a fresh mock server, and so an empty API, for every test
@EnableKubernetesMockClient(crud = true)
class KubernetesRuntimeTest {

    private static final String NAMESPACE = "aviary-bots";
    private static final long MEMORY = 256L * 1024 * 1024;

    KubernetesClient client;
    KubernetesMockServer server;

    @TempDir
    Path botsPath;

    private KubernetesRuntime runtime;
    private Path instance;
    private final String bot = "pmm-sim-20261206-061900";

    @BeforeEach
    void runtimeAndInstanceFolder() throws Exception {
        KubernetesApi api = new KubernetesApi(client, NAMESPACE);
        runtime = new KubernetesRuntime(api, new BotPod.Settings(NAMESPACE, "aviary/bot:local", botsPath,
                "aviary-bots-pvc", Duration.ofSeconds(15)), "");
        instance = instanceFolder(bot);
    }

    @Test
    void aBotIsAPodOfTheBotImageWithHummingbotsEnvironmentMountsAndLimitsItsPasswordOnlyInASecret() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("CONFIG_PASSWORD", "s3cret-pw");
        environment.put("SCRIPT_CONFIG", "conf_v2.yml");
        environment.put("HEADLESS_MODE", "true");
        environment.put("AVIARY_SIM_EXCHANGE_URL", "http://sim:8110");

        runtime.start(bot, instance, environment, new BotResources(MEMORY, 0.5));

        Pod pod = pod(bot);
        assertThat(pod.getMetadata().getLabels()).containsEntry("aviary.io/bot", bot);
        assertThat(pod.getMetadata().getAnnotations()).containsEntry("aviary.io/bot-name", bot);
        assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Never");
        assertThat(pod.getSpec().getTerminationGracePeriodSeconds()).isEqualTo(15L);
        assertThat(pod.getSpec().getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getSpec().getVolumes()).singleElement().satisfies(volume ->
                assertThat(volume.getPersistentVolumeClaim().getClaimName()).isEqualTo("aviary-bots-pvc"));
        Container container = pod.getSpec().getContainers().getFirst();
        assertThat(container.getImage()).isEqualTo("aviary/bot:local");

        Map<String, EnvVar> env = container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
        assertThat(env.get("SCRIPT_CONFIG").getValue()).isEqualTo("conf_v2.yml");
        assertThat(env.get("HEADLESS_MODE").getValue()).isEqualTo("true");
        assertThat(env.get("AVIARY_SIM_EXCHANGE_URL").getValue()).isEqualTo("http://sim:8110");
        assertThat(env.get("CONFIG_PASSWORD").getValue()).isNull();
        assertThat(env.get("CONFIG_PASSWORD").getValueFrom().getSecretKeyRef().getName()).isEqualTo(bot + "-env");
        assertThat(env.get("CONFIG_PASSWORD").getValueFrom().getSecretKeyRef().getKey()).isEqualTo("CONFIG_PASSWORD");
        assertThat(client.pods().inNamespace(NAMESPACE).withName(bot).get().toString()).doesNotContain("s3cret-pw");

        Secret secret = client.secrets().inNamespace(NAMESPACE).withName(bot + "-env").get();
        assertThat(secret.getMetadata().getLabels()).containsEntry("aviary.io/bot", bot);
        assertThat(secretValue(secret, "CONFIG_PASSWORD")).isEqualTo("s3cret-pw");
        assertThat(secretValues(secret)).containsOnlyKeys("CONFIG_PASSWORD");

        // the instance folder's Hummingbot mounts, as sub-paths of the claim that holds BOTS_PATH
        String folder = "bots/instances/" + bot;
        assertThat(container.getVolumeMounts().stream().collect(Collectors.toMap(VolumeMount::getMountPath,
                VolumeMount::getSubPath))).containsExactlyInAnyOrderEntriesOf(Map.of(
                        "/home/hummingbot/conf", folder + "/conf",
                        "/home/hummingbot/conf/connectors", folder + "/conf/connectors",
                        "/home/hummingbot/data", folder + "/data",
                        "/home/hummingbot/logs", folder + "/logs",
                        "/home/hummingbot/controllers", "bots/controllers"));
        assertThat(container.getResources().getLimits()).containsEntry("memory", new Quantity(Long.toString(MEMORY)))
                .containsEntry("cpu", new Quantity("500m"));
        assertThat(container.getResources().getRequests()).isEqualTo(container.getResources().getLimits());
        assertThat(pod.getSpec().getSecurityContext().getRunAsUser()).isNotNull();

        assertThat(runtime.state(bot)).contains(RuntimeState.STARTING);
        assertThat(runtime.bots()).containsExactly(bot);
    }

    @Test
    void theStateFollowsThePodPhaseAndTheBotContainer() {
        runtime.start(bot, instance, Map.of("HEADLESS_MODE", "true"), BotResources.defaults());

        setStatus(new PodStatusBuilder().withPhase("Pending").build());
        assertThat(runtime.state(bot)).contains(RuntimeState.STARTING);
        setStatus(new PodStatusBuilder().withPhase("Running").withContainerStatuses(new ContainerStatusBuilder()
                .withName("bot").withState(new ContainerStateBuilder().withNewRunning().endRunning().build())
                .build()).build());
        assertThat(runtime.state(bot)).contains(RuntimeState.RUNNING);
        setStatus(new PodStatusBuilder().withPhase("Running").withContainerStatuses(new ContainerStatusBuilder()
                .withName("bot").withState(new ContainerStateBuilder().withNewTerminated().withExitCode(0)
                        .endTerminated().build()).build()).build());
        assertThat(runtime.state(bot)).contains(RuntimeState.EXITED);
        setStatus(new PodStatusBuilder().withPhase("Failed").build());
        assertThat(runtime.state(bot)).contains(RuntimeState.EXITED);
        setStatus(new PodStatusBuilder().withPhase("Succeeded").build());
        assertThat(runtime.state(bot)).contains(RuntimeState.EXITED);
        setStatus(new PodStatusBuilder().withPhase("Unknown").build());
        assertThat(runtime.state(bot)).contains(RuntimeState.UNKNOWN);
    }

    @Test
    void stoppingDeletesThePodAndRemovingDeletesItsSecretTooBothIdempotent() throws Exception {
        String other = "other-20261206-061901";
        runtime.start(bot, instance, Map.of("CONFIG_PASSWORD", "pw"), BotResources.defaults());
        runtime.start(other, instanceFolder(other), Map.of("CONFIG_PASSWORD", "pw"), BotResources.defaults());

        runtime.stop(bot);
        assertThat(runtime.state(bot)).isEmpty();
        assertThat(runtime.bots()).containsExactly(other);
        // stop-and-archive still finds the bot's database: the folder on the shared volume is untouched
        assertThat(instance.resolve("data")).isDirectory();
        runtime.stop(bot);

        runtime.remove(bot);
        assertThat(client.secrets().inNamespace(NAMESPACE).withName(bot + "-env").get()).isNull();
        assertThat(client.secrets().inNamespace(NAMESPACE).withName(other + "-env").get()).isNotNull();
        runtime.remove(bot);

        runtime.remove(other); // a running bot's pod goes too
        assertThat(client.pods().inNamespace(NAMESPACE).list().getItems()).isEmpty();
        assertThat(client.secrets().inNamespace(NAMESPACE).list().getItems()).isEmpty();
    }

    @Test
    void aPodOfTheSameNameIsAConflictAndTheStartLeavesNothingBehind() {
        client.pods().inNamespace(NAMESPACE).resource(new PodBuilder().withNewMetadata().withName(bot).endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage("nginx").endContainer().endSpec()
                .build()).create();

        assertThatThrownBy(() -> runtime.start(bot, instance, Map.of("CONFIG_PASSWORD", "pw"),
                BotResources.defaults())).isInstanceOf(Conflict.class).hasMessageContaining(bot)
                .hasMessageContaining(NAMESPACE);

        assertThat(client.secrets().inNamespace(NAMESPACE).list().getItems()).isEmpty();
        // someone else's pod is not a bot: not listed, not reported, not stopped or removed
        assertThat(runtime.bots()).isEmpty();
        assertThat(runtime.state(bot)).isEmpty();
        runtime.stop(bot);
        runtime.remove(bot);
        assertThat(client.pods().inNamespace(NAMESPACE).withName(bot).get()).isNotNull();
    }

    @Test
    void startingTheSameBotTwiceIsAConflictAndTheFirstPodStays() {
        runtime.start(bot, instance, Map.of("CONFIG_PASSWORD", "pw"), BotResources.defaults());

        assertThatThrownBy(() -> runtime.start(bot, instance, Map.of("CONFIG_PASSWORD", "pw"),
                BotResources.defaults())).isInstanceOf(Conflict.class);

        assertThat(runtime.state(bot)).isPresent();
        assertThat(client.secrets().inNamespace(NAMESPACE).withName(bot + "-env").get()).isNotNull();
    }

    @Test
    void botNamesThatAreNoValidPodNamesGetDistinctValidOnes() throws Exception {
        String upper = "My_Bot-20261206-061900";
        String lower = "my-bot-20261206-061900";
        runtime.start(upper, instanceFolder(upper), Map.of(), BotResources.defaults());
        runtime.start(lower, instanceFolder(lower), Map.of(), BotResources.defaults());

        assertThat(runtime.bots()).containsExactly(upper, lower);
        String podName = BotPod.objectName(upper);
        assertThat(podName).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?").hasSizeLessThanOrEqualTo(63)
                .startsWith("my-bot-20261206-061900-");
        assertThat(BotPod.objectName("x".repeat(96))).hasSizeLessThanOrEqualTo(63);
        assertThat(runtime.state(upper)).contains(RuntimeState.STARTING);
    }

    @Test
    void theHealthIndicatorIsUpWhenTheApiAnswers() {
        assertThat(new KubernetesHealthIndicator(new KubernetesApi(client, NAMESPACE)).health().getStatus())
                .isEqualTo(Status.UP);
    }

    private Path instanceFolder(String name) throws Exception {
        Path folder = Files.createDirectories(botsPath.resolve("bots/instances").resolve(name));
        Files.createDirectories(folder.resolve("conf/connectors"));
        Files.createDirectories(botsPath.resolve("bots/controllers"));
        Files.writeString(folder.resolve("conf/conf_client.yml"), "instance_id: " + name + "\n");
        return folder;
    }

    private Pod pod(String name) {
        return client.pods().inNamespace(NAMESPACE).withName(name).get();
    }

    private void setStatus(io.fabric8.kubernetes.api.model.PodStatus status) {
        Pod pod = pod(bot);
        pod.setStatus(status);
        client.pods().inNamespace(NAMESPACE).resource(pod).updateStatus();
    }

    private static Map<String, String> secretValues(Secret secret) {
        Map<String, String> values = new LinkedHashMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((key, value) ->
                    values.put(key, new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)));
        }
        if (secret.getStringData() != null) {
            values.putAll(secret.getStringData());
        }
        return values;
    }

    private static String secretValue(Secret secret, String key) {
        return secretValues(secret).get(key);
    }
}
