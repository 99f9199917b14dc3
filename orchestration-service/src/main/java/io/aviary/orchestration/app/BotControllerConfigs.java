package io.aviary.orchestration.app;

import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.failure.NotFound;
import io.aviary.orchestration.domain.StoredConfig;
import io.aviary.orchestration.infra.BotInstanceFiles;
import io.aviary.orchestration.infra.BotInstanceFiles.ControllerFile;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The controller configs of a deployed bot ({@code /controllers/bots/…}): the YAML files of its instance folder,
 * which the running bot re-reads. An update is validated like a stored config before the file is replaced.
 */
@Service
public class BotControllerConfigs {

    private final BotInstanceFiles files;
    private final ControllerCatalog catalog;

    public BotControllerConfigs(BotInstanceFiles files, ControllerCatalog catalog) {
        this.files = files;
        this.catalog = catalog;
    }

    /** Each config with {@code _config_name} added; an unreadable file is listed with its problem. */
    public List<Map<String, Object>> list(String rawBot) {
        String bot = existingBot(rawBot);
        return files.controllerConfigs(bot).stream().map(BotControllerConfigs::listed).toList();
    }

    /** Shallow update of the bot's config file with {@code changes} (Hummingbot's {@code dict.update}). */
    public String update(String rawBot, String rawController, Map<String, Object> changes) {
        String bot = existingBot(rawBot);
        String controller = Names.configName(rawController);
        ControllerFile file = files.controllerConfig(bot, controller).orElseThrow(() -> new NotFound(
                "Controller configuration '" + controller + "' not found for bot '" + bot + "'"));
        if (file.content() == null) {
            throw new InvalidRequest("Controller configuration '" + controller + "' of bot '" + bot
                    + "' cannot be read: " + file.problem());
        }
        Map<String, Object> merged = new LinkedHashMap<>(file.content());
        merged.putAll(changes);
        StoredConfig valid = catalog.validate(controller, merged, controller);
        try {
            files.writeControllerConfig(bot, controller, valid.content());
        } catch (UncheckedIOException e) {
            throw new InvalidRequest("Controller configuration '" + controller + "' of bot '" + bot
                    + "' could not be written");
        }
        return bot;
    }

    private String existingBot(String rawBot) {
        String bot = Names.botName(rawBot);
        if (!files.exists(bot)) {
            throw new NotFound("Bot '" + bot + "' not found");
        }
        return bot;
    }

    private static Map<String, Object> listed(ControllerFile file) {
        Map<String, Object> item = new LinkedHashMap<>();
        if (file.content() != null) {
            item.putAll(file.content());
        } else {
            item.put("error", file.problem());
        }
        item.put("_config_name", file.name());
        return item;
    }
}
