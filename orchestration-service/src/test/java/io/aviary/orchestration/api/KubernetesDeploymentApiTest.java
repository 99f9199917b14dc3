package io.aviary.orchestration.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.aviary.kit.web.CredentialsToken;
import io.aviary.orchestration.api.BotDeploymentApiTest.RecordingBotControl;
import io.aviary.orchestration.domain.BotRuntimeDriver;
import io.aviary.orchestration.domain.BotRuntimeDriver.RuntimeState;
import io.aviary.orchestration.runtime.KubernetesRuntime;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Deploy and stop-and-archive over HTTP with {@code BOT_RUNTIME=kubernetes}: the real deploy writes the instance
 * folder, the real KubernetesRuntime runs it as a pod on fabric8's Kubernetes mock server (CRUD mode), the same
 * stand-in credential API as {@link BotDeploymentApiTest}. The API going away is the last test (it stops the server).
 */
@Import(KubernetesDeploymentApiTest.Control.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubernetesDeploymentApiTest extends OrchestrationHttpTestBase {

    private static final String NAMESPACE = "bots";
    private static final HttpServer ACCOUNTS = BotDeploymentApiTest.accountsService();
    private static final KubernetesMockServer KUBERNETES = new KubernetesMockServer(new Context(),
            new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
    private static final AtomicInteger NAMES = new AtomicInteger();

    static {
        KUBERNETES.init();
    }

    @DynamicPropertySource
    static void deployment(DynamicPropertyRegistry registry) {
        registry.add("AVIARY_ACCOUNTS_URL", () -> "http://127.0.0.1:" + ACCOUNTS.getAddress().getPort());
        registry.add(CredentialsToken.ENV, () -> BotDeploymentApiTest.CREDENTIALS_TOKEN);
        registry.add("aviary.service.internal-token", () -> "internal-test-token");
        registry.add("CONFIG_PASSWORD", () -> BotDeploymentApiTest.CONFIG_PASSWORD);
        registry.add("aviary.bots.runtime", () -> "kubernetes");
        registry.add("BOT_K8S_API_URL", () -> KUBERNETES.url("/"));
        registry.add("BOT_K8S_NAMESPACE", () -> NAMESPACE);
        registry.add("BOT_K8S_BOTS_PVC", () -> "aviary-bots-test");
        registry.add("aviary.bots.archive.settle", () -> "0s");
        // no scheduled supervision: bots other test classes left RUNNING in the shared database have no pod here, and
        // a pass would start them on this runtime (a slow run reached the first 10 s pass)
        registry.add("aviary.bots.restart-check", () -> "1h");
    }

    /** Imported, not annotated: the base's component scan must not hand it to the other tests' context. */
    static class Control {
        @Bean
        @Primary // over the MQTT one the application also has
        RecordingBotControl botControl() {
            return new RecordingBotControl();
        }
    }

    @Autowired
    BotRuntimeDriver runtime;

    private final KubernetesClient client = KUBERNETES.createClient();

    @AfterAll
    static void stopServers() {
        ACCOUNTS.stop(0);
        KUBERNETES.destroy();
    }

    @BeforeEach
    void config() {
        assertThat(post("/controllers/configs/pmm_k8s", """
                {"controller_name": "pmm_simple", "controller_type": "market_making", "connector_name": "sim",
                 "trading_pair": "BTC-USDT", "total_amount_quote": 100, "buy_spreads": [0.01],
                 "sell_spreads": [0.01]}""").status()).isEqualTo(201);
    }

    @Test
    @Order(1)
    void aDeployRunsThePodOnTheInstanceFolderAndStopAndArchiveRemovesItAndArchivesTheFolder() {
        assertThat(runtime).isInstanceOf(KubernetesRuntime.class);
        Answer deployed = deploy(unique("k8s"));
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        String bot = deployed.json().get("unique_instance_name").asString();

        // instance names hold '_', no valid pod name: the pod is found by the bot-name annotation
        Pod pod = client.pods().inNamespace(NAMESPACE).list().getItems().stream()
                .filter(p -> bot.equals(p.getMetadata().getAnnotations().get("aviary.io/bot-name")))
                .findFirst().orElseThrow();
        Container container = pod.getSpec().getContainers().getFirst();
        Map<String, EnvVar> env = container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
        assertThat(env.get("SCRIPT_CONFIG").getValue()).isEqualTo(bot + ".yml");
        assertThat(env.get("CONFIG_PASSWORD").getValueFrom().getSecretKeyRef().getName())
                .isEqualTo(pod.getMetadata().getName() + "-env");
        assertThat(pod.toString()).doesNotContain(BotDeploymentApiTest.CONFIG_PASSWORD);
        assertThat(container.getVolumeMounts()).extracting(VolumeMount::getMountPath, VolumeMount::getSubPath)
                .contains(org.assertj.core.groups.Tuple.tuple("/home/hummingbot/conf", "bots/instances/" + bot + "/conf"),
                        org.assertj.core.groups.Tuple.tuple("/home/hummingbot/data", "bots/instances/" + bot + "/data"));
        assertThat(pod.getSpec().getVolumes().getFirst().getPersistentVolumeClaim().getClaimName())
                .isEqualTo("aviary-bots-test");
        // what the pod mounts is the folder the deploy wrote
        assertThat(BOTS_PATH.resolve("bots/instances/" + bot + "/conf/conf_client.yml")).isRegularFile();
        assertThat(runtime.state(bot)).contains(RuntimeState.STARTING);
        assertThat(get("/bot-orchestration/bot-runs?bot_name=" + bot).json().at("/data/0/image_version").asString())
                .isEqualTo("kubernetes");

        Answer started = post("/bot-orchestration/stop-and-archive-bot/" + bot, "");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        Answer done = awaitPath(started.json().get("job_url").asString(),
                answer -> !answer.json().get("status").asString().equals("running"));
        assertThat(done.json().get("status").asString()).as(done.body()).isEqualTo("completed");

        assertThat(client.pods().inNamespace(NAMESPACE).list().getItems()).isEmpty();
        assertThat(client.secrets().inNamespace(NAMESPACE).list().getItems()).isEmpty();
        Path archived = BOTS_PATH.resolve("bots/archived/" + bot);
        assertThat(archived.resolve("conf/conf_client.yml")).isRegularFile();
        assertThat(archived.resolve("data")).isDirectory();
        assertThat(outboxEvents(bot)).containsExactly("BotDeployed", "BotStopped", "BotArchived");
    }

    @Test
    @Order(2)
    void anUnreachableApiIsA503NamingItAndLeavesAFailedRunAndNoFolder() {
        String url = KUBERNETES.url("/");
        KUBERNETES.destroy();

        String instance = unique("k8s_down");
        Answer refused = deploy(instance);

        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.json().get("detail").asString())
                .contains("the kubernetes runtime could not start bot '" + instance)
                .endsWith("Kubernetes API not reachable at " + url);
        String bot = jdbc.queryForObject("SELECT bot_name FROM orchestration.bot_runs WHERE instance_name = ?",
                String.class, instance);
        assertThat(jdbc.queryForObject("SELECT deployment_status FROM orchestration.bot_runs WHERE bot_name = ?",
                String.class, bot)).isEqualTo("FAILED");
        assertThat(BOTS_PATH.resolve("bots/instances/" + bot)).doesNotExist();
    }

    private Answer deploy(String instance) {
        return post("/bot-orchestration/deploy-v2-controllers", "{\"instance_name\": \"" + instance
                + "\", \"credentials_profile\": \"alice\", \"controllers_config\": [\"pmm_k8s\"]}");
    }

    private static String unique(String prefix) {
        return prefix + "_" + NAMES.incrementAndGet() + "_" + ProcessHandle.current().pid();
    }
}
