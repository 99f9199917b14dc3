package io.aviary.orchestration.app;

import io.aviary.common.events.orchestration.ControllerConfigDeleted;
import io.aviary.common.events.orchestration.ControllerConfigSaved;
import io.aviary.kit.events.EventOutbox;
import io.aviary.kit.failure.NotFound;
import io.aviary.orchestration.domain.ProgramKind;
import io.aviary.orchestration.domain.StoredConfig;
import io.aviary.orchestration.infra.ConfigRepository;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stored controller configs ({@code /controllers/configs/…}): validated on write, each change and its event
 * committed together through the outbox.
 */
@Service
public class ControllerConfigs {

    private final ConfigRepository configs;
    private final ControllerCatalog catalog;
    private final EventOutbox outbox;

    public ControllerConfigs(ConfigRepository configs, ControllerCatalog catalog, EventOutbox outbox) {
        this.configs = configs;
        this.catalog = catalog;
        this.outbox = outbox;
    }

    /** The catalog's summary per config, sorted by name. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> summaries() {
        return configs.all(ProgramKind.CONTROLLER).stream().map(ControllerConfigs::summary).toList();
    }

    @Transactional(readOnly = true)
    public Map<String, Object> get(String rawName) {
        String name = Names.configName(rawName);
        return configs.find(ProgramKind.CONTROLLER, name).orElseThrow(() -> notFound(name)).content();
    }

    /** Validates and stores (creating or replacing) the config; returns the config name. */
    @Transactional
    public String save(String rawName, Map<String, Object> raw) {
        String name = Names.configName(rawName);
        StoredConfig config = catalog.validate(name, raw, name);
        configs.save(ProgramKind.CONTROLLER, config);
        outbox.append(new ControllerConfigSaved(name, config.programName(), config.programType()));
        return name;
    }

    @Transactional
    public String delete(String rawName) {
        String name = Names.configName(rawName);
        if (!configs.delete(ProgramKind.CONTROLLER, name)) {
            throw notFound(name);
        }
        outbox.append(new ControllerConfigDeleted(name));
        return name;
    }

    private static Map<String, Object> summary(StoredConfig config) {
        Map<String, Object> content = config.content();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("config_name", config.name());
        summary.put("controller_name", config.programName());
        summary.put("controller_type", config.programType());
        summary.put("connector_name", content.getOrDefault("connector_name", "unknown"));
        summary.put("trading_pair", content.getOrDefault("trading_pair", "unknown"));
        summary.put("total_amount_quote", number(content.get("total_amount_quote")));
        return summary;
    }

    /** Stored decimals are text (as the registry writes them); the summary gives a number, 0 when absent. */
    private static Object number(Object value) {
        if (value instanceof String text) {
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                return text;
            }
        }
        return value == null ? 0 : value;
    }

    private static NotFound notFound(String name) {
        return new NotFound("Configuration '" + name + "' not found");
    }
}
