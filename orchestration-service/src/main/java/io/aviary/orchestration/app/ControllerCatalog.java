package io.aviary.orchestration.app;

import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.failure.NotFound;
import io.aviary.orchestration.domain.ProgramKind;
import io.aviary.orchestration.domain.StoredConfig;
import io.aviary.orchestration.infra.SourceRepository;
import io.aviary.strategy.config.ControllerKind;
import io.aviary.strategy.config.ControllerRegistry;
import io.aviary.strategy.config.ControllerType;
import io.aviary.strategy.config.InvalidConfigException;
import io.aviary.strategy.config.TemplateField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The controllers a config may name: Aviary's built-in ones (the {@code strategy} module's registry, which also
 * validates their configs) and controllers whose source was uploaded (run only by Hummingbot images, so their
 * configs are stored as given: Aviary cannot read a Python config class).
 */
@Component
public class ControllerCatalog {

    private final SourceRepository sources;

    public ControllerCatalog(SourceRepository sources) {
        this.sources = sources;
    }

    /** The controller type of a {@code /controllers/{controller_type}/…} path. */
    public static Optional<ControllerKind> kind(String wireName) {
        return ControllerKind.fromWireName(wireName);
    }

    public static Optional<ControllerType> builtIn(ControllerKind kind, String name) {
        return ControllerRegistry.find(kind, name);
    }

    /** Built-in names first (registry order), then uploaded ones not shadowing a built-in, per kind. */
    public Map<String, List<String>> namesByKind() {
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (ControllerKind kind : List.of(ControllerKind.DIRECTIONAL_TRADING, ControllerKind.MARKET_MAKING,
                ControllerKind.GENERIC)) {
            List<String> all = new ArrayList<>(ControllerRegistry.namesByKind().get(kind));
            sources.names(ProgramKind.CONTROLLER, kind.wireName()).stream().filter(n -> !all.contains(n)).forEach(all::add);
            names.put(kind.wireName(), all);
        }
        return names;
    }

    /** {@code {key: default}} in Hummingbot's key order; a required key without a default reads {@code null}. */
    public static Map<String, Object> template(ControllerKind kind, String name) {
        ControllerType type = builtIn(kind, name).orElseThrow(() -> new NotFound(
                "Controller configuration class for '" + Names.shown(name) + "' not found"));
        Map<String, Object> template = new LinkedHashMap<>();
        for (TemplateField field : type.template()) {
            template.put(field.key(), field.defaultValue());
        }
        return template;
    }

    /**
     * Validates a controller config for storage or for a bot's instance folder.
     *
     * @param id the config's {@code id} when the config has none (Hummingbot's deploy uses the config name)
     * @throws InvalidRequest naming the key for an invalid config of a built-in controller, or naming the
     *                        {@code controller_name} that is neither built in nor uploaded
     */
    public StoredConfig validate(String configName, Map<String, Object> raw, String id) {
        Object name = raw.get("controller_name");
        if (name instanceof String controllerName && ControllerRegistry.find(controllerName).isEmpty()) {
            return uploaded(configName, controllerName, raw);
        }
        Map<String, Object> withId = new LinkedHashMap<>(raw);
        withId.putIfAbsent("id", id);
        try {
            var config = ControllerRegistry.parse(withId);
            return new StoredConfig(configName, controllerName(config.toMap()), config.controllerType(),
                    config.toMap());
        } catch (InvalidConfigException e) {
            throw new InvalidRequest("Invalid controller config '" + configName + "': " + e.getMessage());
        }
    }

    private StoredConfig uploaded(String configName, String controllerName, Map<String, Object> raw) {
        Object type = raw.get("controller_type");
        boolean known = type instanceof String wire && kind(wire).isPresent()
                && sources.find(ProgramKind.CONTROLLER, wire, controllerName).isPresent();
        if (!known) {
            throw new InvalidRequest("Invalid controller config '" + configName + "': controller_name: unknown "
                    + "controller '" + Names.shown(controllerName) + "'; GET /controllers/ lists the controllers "
                    + "(an uploaded one also needs its controller_type)");
        }
        return new StoredConfig(configName, controllerName, (String) type, raw);
    }

    private static String controllerName(Map<String, Object> normalized) {
        return (String) normalized.get("controller_name");
    }
}
