package io.aviary.orchestration.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The controller configs inside deployed bot instance folders, in Hummingbot's layout (api-catalog §6.1):
 * {@code <BOTS_PATH>/bots/instances/<bot>/conf/controllers/<name>.yml}. {@code BOTS_PATH} means what it means to
 * hummingbot-api: the directory that holds {@code bots/}. A running bot re-reads these files every 10 s, so a file
 * is replaced atomically, never seen half-written.
 */
@Component
public class BotInstanceFiles {

    /** Larger is no controller config; bounds what one request reads. */
    static final int MAX_FILE_BYTES = 256 * 1024;

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
        Path file = controllersFolder(bot).resolve(name + ".yml");
        try {
            Path temp = Files.createTempFile(file.getParent(), "." + name, ".tmp");
            try {
                Files.writeString(temp, yaml().dump(plain(content)), StandardCharsets.UTF_8);
                move(temp, file);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @SuppressWarnings("unchecked")
    private static ControllerFile readFile(String name, Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                return new ControllerFile(name, null, "file larger than " + MAX_FILE_BYTES + " bytes");
            }
            Object loaded = yaml().load(Files.readString(file, StandardCharsets.UTF_8));
            if (!(loaded instanceof Map<?, ?> map)) {
                return new ControllerFile(name, null, "not a YAML mapping");
            }
            return new ControllerFile(name, new LinkedHashMap<>((Map<String, Object>) map), null);
        } catch (YAMLException e) {
            return new ControllerFile(name, null, "malformed YAML");
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

    /** SnakeYAML is not thread-safe: one per call. Safe types only; block style as Hummingbot's {@code yaml.dump}. */
    private static Yaml yaml() {
        LoaderOptions loading = new LoaderOptions();
        loading.setCodePointLimit(MAX_FILE_BYTES);
        loading.setAllowDuplicateKeys(false);
        DumperOptions dumping = new DumperOptions();
        dumping.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        dumping.setAllowUnicode(true);
        return new Yaml(new SafeConstructor(loading), new org.yaml.snakeyaml.representer.Representer(dumping), dumping,
                loading);
    }

    /** YAML has no decimal type: an exact decimal is written as an integer when it is one, else as a float. */
    private static Object plain(Object value) {
        return switch (value) {
            case Map<?, ?> map -> {
                Map<Object, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put(k, plain(v)));
                yield out;
            }
            case List<?> list -> list.stream().map(BotInstanceFiles::plain).toList();
            case BigDecimal decimal when decimal.stripTrailingZeros().scale() <= 0
                    && decimal.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0 -> decimal.longValueExact();
            case BigDecimal decimal -> decimal.doubleValue();
            case null -> null;
            default -> value;
        };
    }
}
