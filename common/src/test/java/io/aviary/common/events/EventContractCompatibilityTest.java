package io.aviary.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.common.events.accounts.CredentialAdded;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import java.util.stream.Stream;

/**
 * Pins the payload fields of every registered event against {@code contracts/events-v1.json}: a
 * removed or renamed field, a changed field type, a dropped event type or an unpinned new type
 * fails here before it can break a consumer in another service.
 */
class EventContractCompatibilityTest {

    private final EventJson json = new EventJson();

    @TestFactory
    Stream<DynamicTest> everyPinnedFieldStillExistsWithItsType() throws IOException {
        return pinnedContracts().entrySet().stream().map(pinned -> DynamicTest.dynamicTest(pinned.getKey(), () -> {
            EventType type = EventCatalog.byName(pinned.getKey()).orElse(null);
            assertThat(type).as("event type %s was removed from EventCatalog", pinned.getKey()).isNotNull();
            assertThat(type.version()).as("version of %s", pinned.getKey())
                    .isEqualTo(pinned.getValue().get("version").asInt());
            Map<String, String> current = fieldsOf(type.payloadClass());
            pinned.getValue().get("fields").properties().forEach(field -> assertThat(current)
                    .as("%s.%s was removed, renamed or retyped", pinned.getKey(), field.getKey())
                    .containsEntry(field.getKey(), field.getValue().asString()));
        }));
    }

    @Test
    void everyRegisteredTypeIsPinned() throws IOException {
        Map<String, JsonNode> pinned = pinnedContracts();
        for (EventType type : EventCatalog.all()) {
            assertThat(pinned).as("new event %s must be pinned in contracts/events-v1.json", type.name())
                    .containsKey(type.name());
            assertThat(fieldsOf(type.payloadClass()).keySet())
                    .as("fields of %s not pinned yet", type.name())
                    .isEqualTo(fieldNames(pinned.get(type.name())));
        }
    }

    @Test
    void anOlderReaderAcceptsAnEnvelopeWithAnAddedField() throws IOException {
        try (InputStream in = resource("contracts/samples/CredentialAdded-v1.json")) {
            EventEnvelope envelope = json.read(new String(in.readAllBytes()));
            CredentialAdded added = json.payload(envelope, CredentialAdded.class);
            assertThat(added.connectorName()).isEqualTo("sim");
            assertThat(added.fieldNames()).containsExactly("sim_api_key", "sim_api_secret");
        }
    }

    private static Map<String, String> fieldsOf(Class<?> recordClass) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (RecordComponent component : recordClass.getRecordComponents()) {
            fields.put(component.getName(), component.getType().getName());
        }
        return fields;
    }

    private static java.util.Set<String> fieldNames(JsonNode contract) {
        return new java.util.LinkedHashSet<>(contract.get("fields").propertyNames());
    }

    private Map<String, JsonNode> pinnedContracts() throws IOException {
        try (InputStream in = resource("contracts/events-v1.json")) {
            JsonNode root = json.mapper().readTree(in);
            Map<String, JsonNode> contracts = new TreeMap<>();
            root.properties().forEach(e -> {
                if (!e.getKey().startsWith("_")) {
                    contracts.put(e.getKey(), e.getValue());
                }
            });
            return contracts;
        }
    }

    private static InputStream resource(String path) {
        return EventContractCompatibilityTest.class.getClassLoader().getResourceAsStream(path);
    }
}
