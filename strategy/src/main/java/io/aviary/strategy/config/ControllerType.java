package io.aviary.strategy.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** One controller Aviary can run: its name, kind, config template and config reader. */
public final class ControllerType {

    private final String name;
    private final ControllerKind kind;
    private final ConfigSchema schema;
    private final Function<Map<?, ?>, V2ControllerConfig> reader;

    ControllerType(String name, ControllerKind kind, ConfigSchema schema,
                   Function<Map<?, ?>, V2ControllerConfig> reader) {
        this.name = name;
        this.kind = kind;
        this.schema = schema;
        this.reader = reader;
    }

    public String name() {
        return name;
    }

    public ControllerKind kind() {
        return kind;
    }

    /** Every key in Hummingbot's order, with its type and default. */
    public List<TemplateField> template() {
        return schema.template();
    }

    /**
     * The template in the shape of hummingbot-api's {@code GET /controllers/{type}/{name}/config/template}:
     * {@code {key: {"default", "type", "required"}}} in key order.
     */
    public Map<String, Object> templateMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (TemplateField field : template()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("default", field.defaultValue());
            entry.put("type", field.type());
            entry.put("required", field.required());
            out.put(field.key(), entry);
        }
        return out;
    }

    /**
     * Validates a raw config (as a YAML or JSON parser produced it) and fills the defaults.
     *
     * @throws InvalidConfigException naming the first unknown or invalid key and what to fix
     */
    public V2ControllerConfig parse(Map<?, ?> raw) {
        return reader.apply(raw);
    }

    @Override
    public String toString() {
        return kind.wireName() + "/" + name;
    }
}
