package io.aviary.orchestration.api;

import io.aviary.kit.web.JsonBody;
import io.aviary.orchestration.app.Scripts;
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

/** The nine {@code /scripts} endpoints of the Hummingbot API contract (api-catalog §1.8). */
@RestController
@RequestMapping("/scripts")
@Tag(name = "Scripts", description = "Bot entry programs and their configs")
public class ScriptsController {

    private final Scripts scripts;

    public ScriptsController(Scripts scripts) {
        this.scripts = scripts;
    }

    @GetMapping({"", "/"})
    @Operation(summary = "List scripts: Aviary's built-in v2_with_controllers, then uploaded ones")
    public List<String> list() {
        return scripts.list();
    }

    @GetMapping({"/configs", "/configs/"})
    @Operation(summary = "List stored script configs (summary per config)")
    public List<Map<String, Object>> listConfigs() {
        return scripts.configSummaries();
    }

    @GetMapping("/configs/{config_name}")
    @Operation(summary = "A stored script config")
    public Map<String, Object> getConfig(@PathVariable("config_name") String configName) {
        return scripts.config(configName);
    }

    @PostMapping(value = "/configs/{config_name}", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create or replace a script config (validated; controllers_config must name stored configs)")
    public MessageResponse saveConfig(@PathVariable("config_name") String configName, @RequestBody JsonNode body) {
        return saved(scripts.saveConfig(configName, ConfigBodies.fromJson(body)));
    }

    @PostMapping(value = "/configs/{config_name}",
            consumes = {ControllersController.YAML, "application/x-yaml", "text/yaml", "text/x-yaml"})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create or replace a script config from Hummingbot YAML")
    public MessageResponse saveYamlConfig(@PathVariable("config_name") String configName, @RequestBody String body) {
        return saved(scripts.saveConfig(configName, ConfigBodies.fromYaml(body)));
    }

    @DeleteMapping("/configs/{config_name}")
    @Operation(summary = "Delete a stored script config")
    public MessageResponse deleteConfig(@PathVariable("config_name") String configName) {
        return new MessageResponse("Configuration '" + scripts.deleteConfig(configName) + "' deleted successfully");
    }

    @GetMapping("/{script_name}")
    @Operation(summary = "A script's code: uploaded source, or a description of the built-in (Java) script")
    public Scripts.Code get(@PathVariable("script_name") String name) {
        return scripts.get(name);
    }

    @PostMapping("/{script_name}")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload script source (for Hummingbot images); the built-in name is refused")
    public MessageResponse save(@PathVariable("script_name") String name, @RequestBody JsonNode json) {
        JsonBody body = JsonBody.of(json);
        String content = body.requiredString("content");
        body.validate();
        return new MessageResponse("Script '" + scripts.save(name, content) + "' saved successfully");
    }

    @DeleteMapping("/{script_name}")
    @Operation(summary = "Delete an uploaded script source")
    public MessageResponse delete(@PathVariable("script_name") String name) {
        return new MessageResponse("Script '" + scripts.delete(name) + "' deleted successfully");
    }

    @GetMapping("/{script_name}/config/template")
    @Operation(summary = "The built-in script's config keys with their defaults")
    public Map<String, Object> template(@PathVariable("script_name") String name) {
        return scripts.template(name);
    }

    private static MessageResponse saved(String name) {
        return new MessageResponse("Configuration '" + name + "' saved successfully");
    }
}
