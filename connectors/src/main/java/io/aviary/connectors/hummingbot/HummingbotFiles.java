package io.aviary.connectors.hummingbot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reading and writing Hummingbot's YAML config files (controller, script, client and connector configs) the way
 * Hummingbot does: {@code yaml.safe_load} of one mapping, {@code yaml.dump} in block style. Safe types only, no
 * duplicate keys, files bounded; a file is replaced atomically, because a running bot re-reads its controller
 * configs every 10 s and must never see one half-written.
 */
public final class HummingbotFiles {

    /** Larger is no Hummingbot config file; bounds what one read parses. */
    public static final int MAX_FILE_BYTES = 256 * 1024;

    private HummingbotFiles() {
    }

    /**
     * The mapping a YAML text holds (keys as text, in file order).
     *
     * @throws IllegalArgumentException "malformed YAML", or "not a YAML mapping" (an empty text included: a config
     *                                  file without keys is a mistake), never echoing the text
     */
    public static Map<String, Object> parseMapping(String text) {
        Object loaded;
        try {
            loaded = yaml().load(text == null ? "" : text);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("malformed YAML");
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("not a YAML mapping");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((key, value) -> out.put(String.valueOf(key), value));
        return out;
    }

    /**
     * The mapping in {@code file}.
     *
     * @throws HummingbotFileException {@code MISSING} if there is no such file, {@code MALFORMED} if it is too large,
     *                                 not YAML or not a mapping
     */
    public static Map<String, Object> readMapping(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new HummingbotFileException(file, null, HummingbotFileException.Reason.MALFORMED,
                        "larger than " + MAX_FILE_BYTES + " bytes");
            }
            return parseMapping(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new HummingbotFileException(file, null, HummingbotFileException.Reason.MISSING, "file is missing");
        } catch (IllegalArgumentException e) {
            throw new HummingbotFileException(file, null, HummingbotFileException.Reason.MALFORMED, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mapping as {@code yaml.dump} writes it: block style, Unicode kept, exact decimals as plain numbers. */
    public static String dump(Map<String, ?> content) {
        return yaml().dump(plain(content));
    }

    /** Writes {@code text} to a sibling temporary file, then moves it over {@code file}. */
    public static void writeAtomically(Path file, String text) {
        try {
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
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

    /** SnakeYAML is not thread-safe: one per call. */
    private static Yaml yaml() {
        LoaderOptions loading = new LoaderOptions();
        loading.setCodePointLimit(MAX_FILE_BYTES);
        loading.setAllowDuplicateKeys(false);
        DumperOptions dumping = new DumperOptions();
        dumping.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        dumping.setAllowUnicode(true);
        return new Yaml(new SafeConstructor(loading), new Representer(dumping), dumping, loading);
    }

    /** YAML has no decimal type: an exact decimal is written as an integer when it is one, else as a float. */
    private static Object plain(Object value) {
        return switch (value) {
            case Map<?, ?> map -> {
                Map<Object, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put(k, plain(v)));
                yield out;
            }
            case List<?> list -> list.stream().map(HummingbotFiles::plain).toList();
            case BigDecimal decimal when decimal.stripTrailingZeros().scale() <= 0
                    && decimal.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0 -> decimal.longValueExact();
            case BigDecimal decimal -> decimal.doubleValue();
            case null -> null;
            default -> value;
        };
    }
}
