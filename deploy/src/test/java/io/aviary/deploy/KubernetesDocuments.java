package io.aviary.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes YAML read into fabric8's typed model for its kind, offline: a field the model does not know (a typo, a
 * field of another API version) fails with its path; fabric8 would otherwise keep it silently in
 * {@code additionalProperties}. Used for the committed base and for what kustomize renders of it.
 */
final class KubernetesDocuments {

    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.ofEntries(
            Map.entry("Deployment", Deployment.class), Map.entry("Service", Service.class),
            Map.entry("PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("NetworkPolicy", NetworkPolicy.class), Map.entry("ConfigMap", ConfigMap.class),
            Map.entry("Secret", Secret.class), Map.entry("Job", Job.class),
            Map.entry("ServiceAccount", ServiceAccount.class), Map.entry("Role", Role.class),
            Map.entry("RoleBinding", RoleBinding.class), Map.entry("PersistentVolumeClaim", PersistentVolumeClaim.class),
            Map.entry("Ingress", Ingress.class));

    static final ObjectMapper YAML = new YAMLMapper();

    private KubernetesDocuments() {
    }

    /** Every document of a (multi-document) YAML text, typed; {@code where} names the source in failures. */
    static List<HasMetadata> read(String where, String yaml) throws IOException {
        List<HasMetadata> resources = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            for (JsonNode document : YAML.readValues(parser, JsonNode.class).readAll()) {
                resources.add(typed(where + " " + document.path("kind").asText() + " "
                        + document.path("metadata").path("name").asText(), document));
            }
        }
        return resources;
    }

    private static HasMetadata typed(String where, JsonNode document) {
        Class<? extends HasMetadata> type = KINDS.get(document.path("kind").asText());
        assertThat(type).as(where + ": a kind this test knows").isNotNull();
        HasMetadata resource = YAML.convertValue(document, type);
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
}
