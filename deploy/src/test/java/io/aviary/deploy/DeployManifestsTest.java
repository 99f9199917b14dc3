package io.aviary.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s validated offline: every document of every manifest the kustomization lists is read into fabric8's typed
 * Kubernetes model for its kind ({@link KubernetesDocuments}: a field the model does not know fails with its path).
 * Then the properties the issue asks of the base: a Deployment, Service and PodDisruptionBudget per service with
 * probes on the actuator liveness/readiness groups and resources, HPAs only for stateless services, NetworkPolicies
 * admitting only the gateway (and named callers) to the services, the ConfigMap/Secret and the topic-provisioning
 * Job; what bots need with {@code BOT_RUNTIME=kubernetes} (ADR 0020) and the gateway's Ingress.
 */
class DeployManifestsTest {

    private static final Path BASE = Path.of("k8s", "base");
    private static final List<String> SERVICES = List.of("gateway", "accounts-service", "trading-service",
            "market-data-service", "orchestration-service", "backtesting-service", "archive-service");

    private static final List<HasMetadata> resources = new ArrayList<>();

    @BeforeAll
    static void readEveryManifest() throws IOException {
        resources.addAll(committedBase());
    }

    /** Every document of every file the kustomization lists, typed (KubernetesDocuments). */
    static List<HasMetadata> committedBase() throws IOException {
        JsonNode kustomization = KubernetesDocuments.YAML.readTree(BASE.resolve("kustomization.yaml").toFile());
        assertThat(kustomization.get("kind").asText()).isEqualTo("Kustomization");
        List<HasMetadata> documents = new ArrayList<>();
        for (JsonNode file : kustomization.get("resources")) {
            Path path = BASE.resolve(file.asText());
            documents.addAll(KubernetesDocuments.read(path.getFileName().toString(), Files.readString(path)));
        }
        return documents;
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

    /**
     * ADR 0020: orchestration-service runs bots as pods with its own ServiceAccount, granted exactly what its
     * KubernetesRuntime calls (pods: create, get, list by label, watch while stop waits, delete; each bot's Secret:
     * create, get, delete) in its own namespace, no ClusterRole; no other service gets a token.
     */
    @Test
    void orchestrationServiceMayManageBotPodsAndTheirSecretsAndNothingElse() {
        assertThat(all(ServiceAccount.class)).extracting(a -> a.getMetadata().getName())
                .containsExactly("orchestration-service");
        Role role = all(Role.class).getFirst();
        assertThat(all(Role.class)).hasSize(1);
        Map<String, Set<String>> verbs = role.getRules().stream().collect(Collectors.toMap(
                (PolicyRule rule) -> String.join(",", rule.getApiGroups()) + "/" + String.join(",", rule.getResources()),
                rule -> Set.copyOf(rule.getVerbs())));
        assertThat(verbs).isEqualTo(Map.of(
                "/pods", Set.of("create", "get", "list", "watch", "delete"),
                "/secrets", Set.of("create", "get", "delete")));
        RoleBinding binding = all(RoleBinding.class).getFirst();
        assertThat(all(RoleBinding.class)).hasSize(1);
        assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
        assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
        assertThat(binding.getSubjects()).singleElement().satisfies(subject -> {
            assertThat(subject.getKind()).isEqualTo("ServiceAccount");
            assertThat(subject.getName()).isEqualTo("orchestration-service");
        });
        all(Deployment.class).forEach(deployment -> {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            boolean orchestration = deployment.getMetadata().getName().equals("orchestration-service");
            assertThat(pod.getAutomountServiceAccountToken()).as(deployment.getMetadata().getName()).isEqualTo(orchestration);
            assertThat(pod.getServiceAccountName()).isEqualTo(orchestration ? "orchestration-service" : null);
        });
    }

    /** The bots' ReadWriteMany claim: orchestration-service writes it at BOTS_PATH, archive-service reads it. */
    @Test
    void theBotsClaimIsSharedReadWriteByOrchestrationAndReadOnlyByArchive() {
        PersistentVolumeClaim claim = all(PersistentVolumeClaim.class).getFirst();
        assertThat(all(PersistentVolumeClaim.class)).hasSize(1);
        assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteMany");
        assertThat(claim.getSpec().getResources().getRequests()).containsKey("storage");
        Map<String, Boolean> readOnlyByService = all(Deployment.class).stream()
                .filter(d -> d.getSpec().getTemplate().getSpec().getVolumes().stream()
                        .anyMatch(v -> v.getPersistentVolumeClaim() != null))
                .collect(Collectors.toMap(d -> d.getMetadata().getName(), d -> {
                    PodSpec pod = d.getSpec().getTemplate().getSpec();
                    Volume volume = pod.getVolumes().stream().filter(v -> v.getPersistentVolumeClaim() != null)
                            .findFirst().orElseThrow();
                    assertThat(volume.getPersistentVolumeClaim().getClaimName()).isEqualTo(claim.getMetadata().getName());
                    Container container = pod.getContainers().getFirst();
                    VolumeMount mount = container.getVolumeMounts().stream()
                            .filter(m -> m.getName().equals(volume.getName())).findFirst().orElseThrow();
                    assertThat(container.getEnv()).anySatisfy(env -> {
                        assertThat(env.getName()).isEqualTo("BOTS_PATH");
                        assertThat(env.getValue()).isEqualTo(mount.getMountPath());
                    });
                    return Boolean.TRUE.equals(mount.getReadOnly());
                }));
        assertThat(readOnlyByService).isEqualTo(Map.of("orchestration-service", false, "archive-service", true));
        Container orchestration = all(Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().equals("orchestration-service")).findFirst().orElseThrow()
                .getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(orchestration.getEnv()).anySatisfy(env -> {
            assertThat(env.getName()).isEqualTo("BOT_K8S_BOTS_PVC");
            assertThat(env.getValue()).isEqualTo(claim.getMetadata().getName());
        });
    }

    /** The API's way in: every path to the gateway's Service port, and to nothing else. */
    @Test
    void theIngressLeadsOnlyToTheGateway() {
        Service gateway = all(Service.class).stream().filter(s -> s.getMetadata().getName().equals("gateway"))
                .findFirst().orElseThrow();
        Ingress ingress = all(Ingress.class).getFirst();
        assertThat(all(Ingress.class)).hasSize(1);
        List<HTTPIngressPath> paths = ingress.getSpec().getRules().stream()
                .flatMap(rule -> rule.getHttp().getPaths().stream()).toList();
        assertThat(paths).isNotEmpty().allSatisfy(path -> {
            assertThat(path.getBackend().getService().getName()).isEqualTo("gateway");
            assertThat(path.getBackend().getService().getPort().getNumber())
                    .isEqualTo(gateway.getSpec().getPorts().getFirst().getPort());
        });
        assertThat(paths).anySatisfy(path -> {
            assertThat(path.getPath()).isEqualTo("/");
            assertThat(path.getPathType()).isEqualTo("Prefix");
        });
    }
}
