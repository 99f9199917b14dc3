package io.aviary.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s validated offline: every document of every manifest the kustomization lists is read into fabric8's typed
 * Kubernetes model for its kind, and a field the model does not know (a typo, a field of another API version) fails
 * the test with its path; fabric8 would otherwise keep it silently in {@code additionalProperties}. Then the
 * properties the issue asks of the base: a Deployment, Service and PodDisruptionBudget per service with probes on the
 * actuator liveness/readiness groups and resources, HPAs only for stateless services, NetworkPolicies admitting only
 * the gateway (and named callers) to the services, the ConfigMap/Secret and the topic-provisioning Job.
 */
class DeployManifestsTest {

    private static final Path BASE = Path.of("k8s", "base");
    private static final Map<String, Class<? extends KubernetesResource>> KINDS = Map.of(
            "Deployment", Deployment.class, "Service", Service.class, "PodDisruptionBudget", PodDisruptionBudget.class,
            "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class, "NetworkPolicy", NetworkPolicy.class,
            "ConfigMap", ConfigMap.class, "Secret", Secret.class, "Job", Job.class);
    private static final List<String> SERVICES = List.of("gateway", "accounts-service", "trading-service",
            "market-data-service", "orchestration-service", "backtesting-service", "archive-service");

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final List<KubernetesResource> resources = new ArrayList<>();

    @BeforeAll
    static void readEveryManifest() throws IOException {
        JsonNode kustomization = YAML.readTree(BASE.resolve("kustomization.yaml").toFile());
        assertThat(kustomization.get("kind").asText()).isEqualTo("Kustomization");
        for (JsonNode file : kustomization.get("resources")) {
            Path path = BASE.resolve(file.asText());
            try (var parser = new YAMLFactory().createParser(Files.readString(path))) {
                for (JsonNode document : YAML.readValues(parser, JsonNode.class).readAll()) {
                    resources.add(typed(path.getFileName() + " " + document.path("kind").asText(), document));
                }
            }
        }
    }

    private static KubernetesResource typed(String where, JsonNode document) {
        Class<? extends KubernetesResource> type = KINDS.get(document.path("kind").asText());
        assertThat(type).as(where + ": a kind this test knows").isNotNull();
        KubernetesResource resource = YAML.convertValue(document, type);
        List<String> unknown = new ArrayList<>();
        unknownFields(resource, where, unknown, new IdentityHashMap<>());
        assertThat(unknown).as("fields the Kubernetes model does not know").isEmpty();
        return resource;
    }

    /** Walks the typed model; any non-empty {@code additionalProperties} is a field the API does not have. */
    private static void unknownFields(Object node, String path, List<String> unknown, Map<Object, Boolean> seen) {
        if (node == null || seen.put(node, true) != null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, unknown, seen));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                ((Map<?, ?>) value).keySet().forEach(key -> unknown.add(path + "." + key));
            } else {
                unknownFields(value, path + "." + getter.getName().substring(3), unknown, seen);
            }
        }
    }

    private static <T> List<T> all(Class<T> kind) {
        return resources.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    @Test
    void everyServiceHasADeploymentServiceAndDisruptionBudgetWithActuatorProbesAndResources() {
        Map<String, Deployment> deployments = all(Deployment.class).stream()
                .collect(Collectors.toMap(d -> d.getMetadata().getName(), d -> d));
        assertThat(deployments.keySet()).containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(all(Service.class)).extracting(s -> s.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(all(PodDisruptionBudget.class)).extracting(p -> p.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(SERVICES);
        deployments.forEach((name, deployment) -> {
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).as(name).isEqualTo("/actuator/health/liveness");
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).as(name).isEqualTo("/actuator/health/readiness");
            assertThat(container.getResources().getRequests()).as(name).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).as(name).containsKey("memory");
            assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
        });
    }

    @Test
    void onlyStatelessServicesScaleHorizontally() {
        assertThat(all(HorizontalPodAutoscaler.class)).extracting(h -> h.getSpec().getScaleTargetRef().getName())
                .containsExactlyInAnyOrder("gateway", "accounts-service", "archive-service");
    }

    @Test
    void servicesAdmitOnlyTheGatewayTheirNamedCallersAndMonitoring() {
        Map<String, NetworkPolicy> policies = all(NetworkPolicy.class).stream()
                .collect(Collectors.toMap(p -> p.getMetadata().getName(), p -> p));
        assertThat(policies.get("default-deny-ingress").getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
        assertThat(policies.get("default-deny-ingress").getSpec().getIngress()).isNullOrEmpty();
        for (String service : SERVICES.subList(1, SERVICES.size())) {
            NetworkPolicy policy = policies.get(service + "-ingress");
            Set<String> callers = policy.getSpec().getIngress().stream().flatMap(rule -> rule.getFrom().stream())
                    .map(peer -> peer.getPodSelector() != null
                            ? peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name")
                            : "namespace:" + peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"))
                    .collect(Collectors.toSet());
            assertThat(callers).as(service).contains("gateway", "namespace:monitoring")
                    .allSatisfy(caller -> assertThat(caller).isIn(Stream.concat(SERVICES.stream(),
                            Stream.of("namespace:monitoring")).toList()));
            assertThat(policy.getSpec().getIngress()).allSatisfy(rule -> assertThat(rule.getFrom())
                    .noneMatch(peer -> peer.getIpBlock() != null));
        }
    }

    @Test
    void configSecretAndTopicJobArePresent() {
        assertThat(all(ConfigMap.class)).singleElement().satisfies(c -> assertThat(c.getData())
                .containsKeys("KAFKA_BOOTSTRAP_SERVERS", "SERVER_ADDRESS", "AVIARY_TRADING_URL"));
        assertThat(all(Secret.class)).singleElement().satisfies(s -> assertThat(s.getStringData())
                .containsKeys("DATABASE_URL", "USERNAME", "PASSWORD", "CONFIG_PASSWORD", "AVIARY_INTERNAL_TOKEN"));
        assertThat(all(Job.class)).singleElement().satisfies(j -> assertThat(
                j.getSpec().getTemplate().getSpec().getContainers().getFirst().getArgs()).contains("--provision-topics"));
    }
}
