package io.aviary.orchestration.infra;

import io.aviary.connectors.hummingbot.HummingbotFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The controller configs inside deployed bot instance folders, in Hummingbot's layout (api-catalog §6.1):
 * {@code <BOTS_PATH>/bots/instances/<bot>/conf/controllers/<name>.yml}. {@code BOTS_PATH} means what it means to
 * hummingbot-api: the directory that holds {@code bots/}. A running bot re-reads these files every 10 s, so a file
 * is replaced atomically, never seen half-written.
 */
@Component
public class BotInstanceFiles {

    /** Larger is no controller config; bounds what one request reads. */
    static final int MAX_FILE_BYTES = HummingbotFiles.MAX_FILE_BYTES;

    private final Path instances;

    public BotInstanceFiles(@Value("${aviary.bots.path}") String botsPath) {
        this.instances = Path.of(botsPath).toAbsolutePath().normalize().resolve("bots").resolve("instances");
    }

    /** A config file's name (without {@code .yml}) and its content, or why it could not be read. */
    public record ControllerFile(String name, Map<String, Object> content, String problem) {
    }

    public boolean exists(String bot) {
        return Files.isDirectory(instance(bot));
    }

    /** Every {@code *.yml} of the bot's {@code conf/controllers}, sorted by name; none when the folder is missing. */
    public List<ControllerFile> controllerConfigs(String bot) {
        Path folder = controllersFolder(bot);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<ControllerFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path file : paths.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted().toList()) {
                String name = file.getFileName().toString();
                files.add(readFile(name.substring(0, name.length() - ".yml".length()), file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    public Optional<ControllerFile> controllerConfig(String bot, String name) {
        Path file = controllersFolder(bot).resolve(name + ".yml");
        return Files.isRegularFile(file) ? Optional.of(readFile(name, file)) : Optional.empty();
    }

    /** Replaces the file atomically (write a sibling, then move it over the old one). */
    public void writeControllerConfig(String bot, String name, Map<String, Object> content) {
        HummingbotFiles.writeAtomically(controllersFolder(bot).resolve(name + ".yml"), HummingbotFiles.dump(content));
    }

    private static ControllerFile readFile(String name, Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                return new ControllerFile(name, null, "file larger than " + MAX_FILE_BYTES + " bytes");
            }
            return new ControllerFile(name, HummingbotFiles.parseMapping(Files.readString(file, StandardCharsets.UTF_8)),
                    null);
        } catch (IllegalArgumentException e) {
            // "malformed YAML" or "not a YAML mapping", never the text
            return new ControllerFile(name, null, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path instance(String bot) {
        return instances.resolve(bot);
    }

    private Path controllersFolder(String bot) {
        return instance(bot).resolve("conf").resolve("controllers");
    }
}
