package io.aviary.gateway.docs;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges the services' OpenAPI documents into the one Swagger UI shows at {@code /docs}: their
 * {@code paths} (each marked with {@value #SERVICE_EXTENSION}) and {@code components.schemas}, the
 * first definition winning when two services use the same name. The services' own {@code servers}
 * are dropped so that "Try it out" goes through the gateway, and HTTP Basic is declared as the
 * security scheme.
 */
final class OpenApiMerger {

    static final String SERVICE_EXTENSION = "x-aviary-service";
    private static final String DEFAULT_OPENAPI_VERSION = "3.1.0";

    private final JsonMapper json;
    private final String version;

    OpenApiMerger(JsonMapper json, String version) {
        this.json = json;
        this.version = version;
    }

    /** @param docs one entry per service, in the order their paths should take precedence */
    ObjectNode merge(List<ServiceDoc> docs) {
        ObjectNode paths = json.createObjectNode();
        ObjectNode schemas = json.createObjectNode();
        List<ServiceDoc> available = docs.stream().filter(ServiceDoc::available).toList();
        available.forEach(doc -> {
            addPaths(paths, doc);
            addSchemas(schemas, doc.document());
        });
        List<String> missing = docs.stream().filter(doc -> !doc.available()).map(ServiceDoc::service).toList();

        ObjectNode merged = json.createObjectNode();
        merged.put("openapi", openApiVersion(available));
        merged.set("info", info(missing));
        merged.set("paths", paths);
        ObjectNode components = merged.putObject("components");
        components.set("schemas", schemas);
        components.putObject("securitySchemes").putObject("basic").put("type", "http").put("scheme", "basic");
        merged.putArray("security").addObject().putArray("basic");
        return merged;
    }

    private static void addPaths(ObjectNode paths, ServiceDoc doc) {
        for (Map.Entry<String, JsonNode> path : doc.document().path("paths").properties()) {
            if (path.getValue().isObject() && !paths.has(path.getKey())) {
                ObjectNode item = (ObjectNode) path.getValue().deepCopy();
                item.put(SERVICE_EXTENSION, doc.service());
                paths.set(path.getKey(), item);
            }
        }
    }

    private static void addSchemas(ObjectNode schemas, JsonNode document) {
        for (Map.Entry<String, JsonNode> schema : document.path("components").path("schemas").properties()) {
            if (!schemas.has(schema.getKey())) {
                schemas.set(schema.getKey(), schema.getValue().deepCopy());
            }
        }
    }

    private ObjectNode info(List<String> missing) {
        String description = "Every Aviary service behind the gateway. Authenticate with HTTP Basic.";
        if (!missing.isEmpty()) {
            description += " Not reachable just now, so not listed: " + String.join(", ", missing) + ".";
        }
        return json.createObjectNode().put("title", "Aviary API").put("version", version).put("description", description);
    }

    /** The services are built alike; take the version the first one declares. */
    private static String openApiVersion(List<ServiceDoc> available) {
        return available.stream()
                .map(doc -> doc.document().path("openapi").asString(""))
                .filter(v -> !v.isBlank())
                .findFirst()
                .orElse(DEFAULT_OPENAPI_VERSION);
    }
}
