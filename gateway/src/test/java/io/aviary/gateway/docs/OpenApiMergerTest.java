package io.aviary.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class OpenApiMergerTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final OpenApiMerger merger = new OpenApiMerger(json, "9.9.9");

    private ServiceDoc doc(String service, String document) {
        return new ServiceDoc(service, json.readTree(document));
    }

    @Test
    void mergesPathsAndSchemasFirstDefinitionWinning() {
        ObjectNode merged = merger.merge(List.of(
                doc("accounts", """
                        {"openapi":"3.0.1","servers":[{"url":"http://x:8101"}],
                         "paths":{"/accounts/":{"get":{"summary":"a"}}},
                         "components":{"schemas":{"Shared":{"description":"from accounts"},"Account":{}}}}"""),
                doc("trading", """
                        {"openapi":"3.1.0","paths":{"/accounts/":{"get":{"summary":"clash"}},"/trading/orders":{"post":{}}},
                         "components":{"schemas":{"Shared":{"description":"from trading"},"Order":{}}}}""")));

        JsonNode paths = merged.path("paths");
        assertThat(paths.path("/accounts/").path("get").path("summary").asString()).isEqualTo("a");
        assertThat(paths.path("/accounts/").path(OpenApiMerger.SERVICE_EXTENSION).asString()).isEqualTo("accounts");
        assertThat(paths.path("/trading/orders").path(OpenApiMerger.SERVICE_EXTENSION).asString()).isEqualTo("trading");
        JsonNode schemas = merged.path("components").path("schemas");
        assertThat(schemas.path("Shared").path("description").asString()).isEqualTo("from accounts");
        assertThat(schemas.has("Account")).isTrue();
        assertThat(schemas.has("Order")).isTrue();
        assertThat(merged.path("openapi").asString()).isEqualTo("3.0.1");
        assertThat(merged.path("info").path("title").asString()).isEqualTo("Aviary API");
        assertThat(merged.path("info").path("version").asString()).isEqualTo("9.9.9");
        assertThat(merged.path("info").path("description").asString()).doesNotContain("not listed");
        assertThat(merged.has("servers")).isFalse();
        assertThat(merged.path("components").path("securitySchemes").path("basic").path("scheme").asString()).isEqualTo("basic");
    }

    @Test
    void skipsAndNamesServicesWithoutADocument() {
        ObjectNode merged = merger.merge(List.of(ServiceDoc.missing("trading"), doc("archive", "[1]"),
                doc("accounts", "{\"paths\":{}}")));
        assertThat(merged.path("info").path("description").asString())
                .endsWith("Not reachable just now, so not listed: trading, archive.");
        assertThat(merged.path("openapi").asString()).isEqualTo("3.1.0");
    }
}
