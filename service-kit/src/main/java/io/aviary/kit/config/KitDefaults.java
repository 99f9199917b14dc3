package io.aviary.kit.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Loads {@code aviary-kit-defaults.properties}: the settings every service shares, at lowest precedence. */
final class KitDefaults {

    private static final String RESOURCE = "aviary-kit-defaults.properties";

    private KitDefaults() {
    }

    static Map<String, Object> load() {
        Properties properties = new Properties();
        try (InputStream in = KitDefaults.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        properties.forEach((k, v) -> values.put((String) k, v));
        return values;
    }
}
