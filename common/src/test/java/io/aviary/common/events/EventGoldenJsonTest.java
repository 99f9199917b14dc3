package io.aviary.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Pins the JSON on the wire, not the Java types: every event type's fixed sample ({@link EventSamples}), wrapped in
 * an envelope with a fixed id and time, must serialise to exactly the structure of its golden file
 * {@code events/<type>-v<version>.json} (field names, JSON value types, the text of every timestamp and decimal),
 * and every golden file must still deserialise into its record, so events written by an older producer stay
 * readable. The types come from the code: every {@link DomainEvent} record compiled into this module must be
 * registered in {@link EventCatalog}, have a sample and have a golden file.
 */
class EventGoldenJsonTest {

    private static final String DIR = "events";
    private static final Pattern GOLDEN_NAME = Pattern.compile("([A-Za-z]+)-v(\\d+)\\.json");
    private static final UUID FIXED_ID = UUID.fromString("6a1f0c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b");
    private static final String SOURCE = "golden-sample";

    private final EventJson json = new EventJson(Clock.fixed(EventSamples.NOW, ZoneOffset.UTC));
    private final Map<String, DomainEvent> samples = EventSamples.oneOfEachType().stream()
            .collect(Collectors.toMap(e -> e.getClass().getSimpleName(), Function.identity()));

    @Test
    void everyEventRecordInTheCodeIsRegisteredHasASampleAndAGoldenFile() throws IOException {
        Set<String> registered = EventCatalog.all().stream().map(EventType::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> inCode = eventRecordsInCode();
        assertThat(inCode).as("DomainEvent records found in the compiled code").isNotEmpty();
        assertThat(registered).as("every DomainEvent record must be registered in EventCatalog").containsAll(inCode);
        assertThat(samples.keySet()).as("every registered type needs a fixed sample in EventSamples")
                .containsExactlyInAnyOrderElementsOf(registered);
        for (EventType type : EventCatalog.all()) {
            assertThat(goldenDir().resolve(fileName(type)))
                    .as("golden JSON of %s v%d (a candidate was written to %s)", type.name(), type.version(),
                            writeCandidate(type))
                    .exists();
        }
    }

    @TestFactory
    Stream<DynamicTest> eachSampleSerialisesToItsGoldenJson() {
        return EventCatalog.all().stream().map(type -> DynamicTest.dynamicTest(fileName(type), () -> {
            Path golden = goldenDir().resolve(fileName(type));
            assertThat(golden).as("golden file (candidate: %s)", writeCandidate(type)).exists();
            JsonNode expected = json.mapper().readTree(Files.readString(golden));
            JsonNode actual = json.mapper().readTree(wire(type));
            assertThat(differences("$", expected, actual))
                    .as("%s on the wire differs from %s (candidate: %s)", type.name(), golden, writeCandidate(type))
                    .isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachGoldenJsonStillDeserialisesIntoItsRecord() throws IOException {
        assertThat(goldenDir()).as("golden files directory").isDirectory();
        try (Stream<Path> files = Files.list(goldenDir())) {
            List<Path> goldens = files.sorted().toList();
            return goldens.stream().map(golden -> DynamicTest.dynamicTest(golden.getFileName().toString(), () -> {
                Matcher name = GOLDEN_NAME.matcher(golden.getFileName().toString());
                assertThat(name.matches()).as("golden file names are <Type>-v<version>.json").isTrue();
                EventType type = EventCatalog.byName(name.group(1)).orElse(null);
                assertThat(type).as("%s names an event type that is no longer registered", golden).isNotNull();
                assertThat(Integer.parseInt(name.group(2))).as("version of %s", golden).isLessThanOrEqualTo(type.version());

                EventEnvelope envelope = json.read(Files.readString(golden));
                DomainEvent sample = samples.get(type.name());
                assertThat(envelope.type()).isEqualTo(type.name());
                assertThat(envelope.id()).isEqualTo(FIXED_ID);
                assertThat(envelope.occurredAt()).isEqualTo(EventSamples.NOW);
                assertThat(envelope.key()).isEqualTo(sample.aggregateKey());
                assertThat(json.payload(envelope)).as("payload of %s bound to %s", golden, type.payloadClass().getSimpleName())
                        .contains(sample);
            }));
        }
    }

    /** The envelope of the type's sample with a fixed id, as a producer would put it on Kafka. */
    private String wire(EventType type) {
        DomainEvent sample = samples.get(type.name());
        assertThat(sample).as("sample of %s", type.name()).isNotNull();
        EventEnvelope fresh = json.envelope(sample, SOURCE);
        return json.write(new EventEnvelope(FIXED_ID, fresh.type(), fresh.version(), fresh.occurredAt(), fresh.source(),
                fresh.key(), fresh.payload()));
    }

    /**
     * Structural differences with a JSON path each: a missing or extra field, another JSON type, or another text
     * of a string or number (so {@code 0.30} vs {@code 0.3}, {@code "...Z"} vs {@code "...+00:00"} differ).
     */
    static List<String> differences(String path, JsonNode expected, JsonNode actual) {
        List<String> found = new ArrayList<>();
        if (expected.getNodeType() != actual.getNodeType()) {
            found.add(path + ": expected " + expected.getNodeType() + " " + expected + ", was " + actual.getNodeType() + " " + actual);
        } else if (expected.isObject()) {
            Set<String> names = new TreeSet<>(expected.propertyNames());
            names.addAll(actual.propertyNames());
            for (String field : names) {
                if (!expected.has(field)) {
                    found.add(path + "." + field + ": not in the golden file (added field? pin it in a new golden)");
                } else if (!actual.has(field)) {
                    found.add(path + "." + field + ": missing on the wire (removed or renamed)");
                } else {
                    found.addAll(differences(path + "." + field, expected.get(field), actual.get(field)));
                }
            }
        } else if (expected.isArray()) {
            if (expected.size() != actual.size()) {
                found.add(path + ": expected " + expected.size() + " items, was " + actual.size());
            } else {
                for (int i = 0; i < expected.size(); i++) {
                    found.addAll(differences(path + "[" + i + "]", expected.get(i), actual.get(i)));
                }
            }
        } else if (expected.isNumber() && expected.isIntegralNumber() != actual.isIntegralNumber()) {
            found.add(path + ": expected " + expected + ", was " + actual);
        } else if (!expected.toString().equals(actual.toString())) {
            found.add(path + ": expected " + expected + ", was " + actual);
        }
        return found;
    }

    private static String fileName(EventType type) {
        return type.name() + "-v" + type.version() + ".json";
    }

    /** Writes what this build puts on the wire to target/golden-candidates, for review before it becomes golden. */
    private String writeCandidate(EventType type) {
        try {
            Path dir = Path.of("target", "golden-candidates");
            Files.createDirectories(dir);
            Path candidate = dir.resolve(fileName(type));
            JsonNode tree = json.mapper().readTree(wire(type));
            Files.writeString(candidate, json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n",
                    StandardCharsets.UTF_8);
            return candidate.toAbsolutePath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The golden files as copied to the test class path (the directory may be absent while none exists). */
    private static Path goldenDir() {
        return classPathRoot(EventGoldenJsonTest.class).resolve(DIR);
    }

    private static Path classPathRoot(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Simple names of the {@link DomainEvent} records compiled into this module (the directory the catalog lives in). */
    private static Set<String> eventRecordsInCode() throws IOException {
        Path root = classPathRoot(EventCatalog.class);
        Path events = root.resolve(EventCatalog.class.getPackageName().replace('.', '/'));
        try (Stream<Path> classes = Files.walk(events)) {
            return classes.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> root.relativize(p).toString().replace('/', '.').replaceFirst("\\.class$", ""))
                    .map(EventGoldenJsonTest::load)
                    .filter(c -> c.isRecord() && DomainEvent.class.isAssignableFrom(c))
                    .map(Class::getSimpleName)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, EventGoldenJsonTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
