package io.aviary.orchestration.api;

import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.web.JsonBody;
import io.aviary.orchestration.app.BotControllerConfigs;
import io.aviary.orchestration.app.ControllerConfigs;
import io.aviary.orchestration.app.ControllerSources;
import io.aviary.strategy.config.ControllerKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The eleven {@code /controllers} endpoints of the Hummingbot API contract (api-catalog §1.7). */
@RestController
@RequestMapping("/controllers")
@Tag(name = "Controllers", description = "Controller types, their code, their configs and the configs of deployed bots")
public class ControllersController {

    static final String YAML = "application/yaml";

    private final ControllerSources sources;
    private final ControllerConfigs configs;
    private final BotControllerConfigs bots;

    public ControllersController(ControllerSources sources, ControllerConfigs configs, BotControllerConfigs bots) {
        this.sources = sources;
        this.configs = configs;
        this.bots = bots;
    }

    @GetMapping({"", "/"})
    @Operation(summary = "List controllers by type: Aviary's built-in ones, then uploaded ones")
    public Map<String, List<String>> list() {
        return sources.list();
    }

    @GetMapping({"/configs", "/configs/"})
    @Operation(summary = "List stored controller configs (summary per config)")
    public List<Map<String, Object>> listConfigs() {
        return configs.summaries();
    }

    @GetMapping("/configs/{config_name}")
    @Operation(summary = "A stored controller config, complete with its defaults")
    public Map<String, Object> getConfig(@PathVariable("config_name") String configName) {
        return configs.get(configName);
    }

    @PostMapping(value = "/configs/{config_name}", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create or replace a controller config (validated; an invalid key is named in the 400)")
    public MessageResponse saveConfig(@PathVariable("config_name") String configName, @RequestBody JsonNode body) {
        return saved(configs.save(configName, ConfigBodies.fromJson(body)));
    }

    @PostMapping(value = "/configs/{config_name}", consumes = {YAML, "application/x-yaml", "text/yaml", "text/x-yaml"})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create or replace a controller config from Hummingbot YAML")
    public MessageResponse saveYamlConfig(@PathVariable("config_name") String configName, @RequestBody String body) {
        return saved(configs.save(configName, ConfigBodies.fromYaml(body)));
    }

    @DeleteMapping("/configs/{config_name}")
    @Operation(summary = "Delete a stored controller config")
    public MessageResponse deleteConfig(@PathVariable("config_name") String configName) {
        return new MessageResponse("Configuration '" + configs.delete(configName) + "' deleted successfully");
    }

    @GetMapping("/bots/{bot_name}/configs")
    @Operation(summary = "The controller configs of a deployed bot's instance folder")
    public List<Map<String, Object>> botConfigs(@PathVariable("bot_name") String botName) {
        return bots.list(botName);
    }

    @PostMapping("/bots/{bot_name}/{controller_name}/config")
    @Operation(summary = "Update keys of a deployed bot's controller config (the bot re-reads it)")
    public MessageResponse updateBotConfig(@PathVariable("bot_name") String botName,
            @PathVariable("controller_name") String controllerName, @RequestBody JsonNode body) {
        String bot = bots.update(botName, controllerName, ConfigBodies.fromJson(body));
        return new MessageResponse("Controller configuration for bot '" + bot + "' updated successfully");
    }

    @GetMapping("/{controller_type}/{controller_name}")
    @Operation(summary = "A controller's code: uploaded source, or a description of a built-in (Java) controller")
    public ControllerSources.Code get(@PathVariable("controller_type") String type,
            @PathVariable("controller_name") String name) {
        return sources.get(ControllerTypes.fromPath(type), name);
    }

    @PostMapping("/{controller_type}/{controller_name}")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload controller source (for Hummingbot images); built-in names are refused")
    public MessageResponse save(@PathVariable("controller_type") String type,
            @PathVariable("controller_name") String name, @RequestBody JsonNode json) {
        ControllerKind kind = ControllerTypes.fromPath(type);
        JsonBody body = JsonBody.of(json);
        String content = body.requiredString("content");
        String bodyType = body.optionalString("type");
        body.validate();
        if (bodyType != null && ControllerTypes.fromBody(bodyType) != kind) {
            throw new InvalidRequest("Controller type mismatch: URL has '" + kind.wireName() + "', body has '"
                    + bodyType + "'");
        }
        String saved = sources.save(kind, name, content);
        return new MessageResponse("Controller '" + saved + "' saved successfully in '" + kind.wireName() + "'");
    }

    @DeleteMapping("/{controller_type}/{controller_name}")
    @Operation(summary = "Delete an uploaded controller source")
    public MessageResponse delete(@PathVariable("controller_type") String type,
            @PathVariable("controller_name") String name) {
        ControllerKind kind = ControllerTypes.fromPath(type);
        String deleted = sources.delete(kind, name);
        return new MessageResponse("Controller '" + deleted + "' deleted successfully from '" + kind.wireName() + "'");
    }

    @GetMapping("/{controller_type}/{controller_name}/config/template")
    @Operation(summary = "A built-in controller's config keys with their defaults")
    public Map<String, Object> template(@PathVariable("controller_type") String type,
            @PathVariable("controller_name") String name) {
        return sources.template(ControllerTypes.fromPath(type), name);
    }

    private static MessageResponse saved(String name) {
        return new MessageResponse("Configuration '" + name + "' saved successfully");
    }
}
