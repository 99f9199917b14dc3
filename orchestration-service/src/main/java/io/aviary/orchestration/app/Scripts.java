package io.aviary.orchestration.app;

import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.failure.NotFound;
import io.aviary.orchestration.domain.ProgramKind;
import io.aviary.orchestration.domain.ProgramSource;
import io.aviary.orchestration.domain.StoredConfig;
import io.aviary.orchestration.infra.ConfigRepository;
import io.aviary.orchestration.infra.SourceRepository;
import io.aviary.strategy.config.InvalidConfigException;
import io.aviary.strategy.script.V2WithControllersConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scripts, the bots' entry programs ({@code /scripts/…}): Aviary's built-in {@code v2_with_controllers} (Java) and
 * uploaded sources, and the script configs, validated on write like controller configs.
 */
@Service
public class Scripts {

    private static final String BUILT_IN = V2WithControllersConfig.NAME;

    private final SourceRepository sources;
    private final ConfigRepository configs;

    public Scripts(SourceRepository sources, ConfigRepository configs) {
        this.sources = sources;
        this.configs = configs;
    }

    /** One script's code: {@code {name, content}}. */
    public record Code(String name, String content) {
    }

    @Transactional(readOnly = true)
    public List<String> list() {
        List<String> names = new ArrayList<>(List.of(BUILT_IN));
        sources.names(ProgramKind.SCRIPT, "").stream().filter(name -> !name.equals(BUILT_IN)).forEach(names::add);
        return names;
    }

    @Transactional(readOnly = true)
    public Code get(String rawName) {
        String name = Names.moduleName(rawName, "script name");
        if (name.equals(BUILT_IN)) {
            return new Code(name, "Aviary built-in script '" + name + "', implemented in Java by the strategy module: "
                    + "it runs the controller configs its script config lists (controllers_config). It has no Python "
                    + "source. Its config keys and defaults: GET /scripts/" + name + "/config/template.");
        }
        return sources.find(ProgramKind.SCRIPT, "", name).map(source -> new Code(name, source.content()))
                .orElseThrow(() -> new NotFound("Script '" + name + "' not found"));
    }

    @Transactional
    public String save(String rawName, String content) {
        String name = Names.moduleName(rawName, "script name");
        refuseBuiltIn(name, "replaced");
        sources.save(ProgramKind.SCRIPT, new ProgramSource("", name, content));
        return name;
    }

    @Transactional
    public String delete(String rawName) {
        String name = Names.moduleName(rawName, "script name");
        refuseBuiltIn(name, "deleted");
        if (!sources.delete(ProgramKind.SCRIPT, "", name)) {
            throw new NotFound("Script '" + name + "' not found");
        }
        return name;
    }

    public Map<String, Object> template(String rawName) {
        String name = Names.moduleName(rawName, "script name");
        if (!name.equals(BUILT_IN)) {
            throw new NotFound("Script configuration class for '" + name + "' not found");
        }
        return V2WithControllersConfig.template();
    }

    @Transactional(readOnly = true)
    public List<Map<String, Object>> configSummaries() {
        return configs.all(ProgramKind.SCRIPT).stream().map(Scripts::summary).toList();
    }

    @Transactional(readOnly = true)
    public Map<String, Object> config(String rawName) {
        String name = Names.configName(rawName);
        return configs.find(ProgramKind.SCRIPT, name).orElseThrow(() -> configNotFound(name)).content();
    }

    /** Validates and stores the script config; a {@code v2_with_controllers} config must name stored controller configs. */
    @Transactional
    public String saveConfig(String rawName, Map<String, Object> raw) {
        String name = Names.configName(rawName);
        Object script = raw.getOrDefault("script_file_name", V2WithControllersConfig.SCRIPT_FILE_NAME);
        String module = script instanceof String text && text.endsWith(".py") ? text.substring(0, text.length() - 3)
                : String.valueOf(script);
        if (!module.equals(BUILT_IN) && script instanceof String text && text.length() <= Names.MAX_LENGTH
                && sources.find(ProgramKind.SCRIPT, "", module).isPresent()) {
            configs.save(ProgramKind.SCRIPT, new StoredConfig(name, text, "", raw));
            return name;
        }
        V2WithControllersConfig config = builtInConfig(name, raw, module);
        List<String> controllerConfigs = config.controllerConfigNames();
        List<String> missing = configs.missing(ProgramKind.CONTROLLER, controllerConfigs);
        if (!missing.isEmpty()) {
            throw new InvalidRequest("Invalid script config '" + name + "': controllers_config["
                    + controllerConfigs.indexOf(missing.getFirst()) + "]: no controller config '" + missing.getFirst()
                    + "'; GET /controllers/configs/ lists them");
        }
        configs.save(ProgramKind.SCRIPT, new StoredConfig(name, config.scriptFileName(), "", config.toMap()));
        return name;
    }

    @Transactional
    public String deleteConfig(String rawName) {
        String name = Names.configName(rawName);
        if (!configs.delete(ProgramKind.SCRIPT, name)) {
            throw configNotFound(name);
        }
        return name;
    }

    private static V2WithControllersConfig builtInConfig(String name, Map<String, Object> raw, String module) {
        if (!module.equals(BUILT_IN)) {
            throw new InvalidRequest("Invalid script config '" + name + "': script_file_name: unknown script '"
                    + Names.shown(module) + "'; GET /scripts/ lists the scripts");
        }
        try {
            return V2WithControllersConfig.fromMap(raw);
        } catch (InvalidConfigException e) {
            throw new InvalidRequest("Invalid script config '" + name + "': " + e.getMessage());
        }
    }

    private static Map<String, Object> summary(StoredConfig config) {
        Map<String, Object> content = config.content();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("config_name", config.name());
        summary.put("script_file_name", config.programName());
        summary.put("controllers_config", content.getOrDefault("controllers_config", List.of()));
        summary.put("candles_config", content.getOrDefault("candles_config", List.of()));
        summary.put("markets", content.getOrDefault("markets", Map.of()));
        return summary;
    }

    private static void refuseBuiltIn(String name, String what) {
        if (name.equals(BUILT_IN)) {
            throw new InvalidRequest("Script '" + name + "' is built into Aviary and cannot be " + what
                    + "; upload custom code under another name");
        }
    }

    private static NotFound configNotFound(String name) {
        return new NotFound("Configuration '" + name + "' not found");
    }
}
