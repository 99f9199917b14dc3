package io.aviary.kit.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Maps the operator-facing variables (Hummingbot API names where they exist) onto Spring
 * properties, so a service is configured the same way in the launcher, in compose and on
 * Kubernetes: {@code DATABASE_URL}, {@code KAFKA_BOOTSTRAP_SERVERS}, {@code AVIARY_INTERNAL_TOKEN}.
 * A {@code .env} file in the working directory is read too, below the real environment, unless
 * {@code AVIARY_DOTENV=off}: the launcher sets that, because it already merged {@code .env} and handed each child
 * only the secrets that child owns; reading the file again would give every child everyone's secrets back.
 */
public class AviaryEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String DOTENV_SOURCE = "aviaryDotEnv";
    static final String DERIVED_SOURCE = "aviaryDerived";
    static final String KIT_DEFAULTS_SOURCE = "aviaryKitDefaults";
    /** {@code off} keeps the {@code .env} of the working directory unread. */
    static final String DOTENV_SWITCH = "AVIARY_DOTENV";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        postProcess(environment, Path.of(".env"));
    }

    void postProcess(ConfigurableEnvironment environment, Path dotEnvFile) {
        boolean dotEnvOff = "off".equalsIgnoreCase(environment.getProperty(DOTENV_SWITCH, "").strip());
        Map<String, Object> dotEnv = dotEnvOff ? Map.of() : readDotEnv(dotEnvFile);
        if (!dotEnv.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource(DOTENV_SOURCE, dotEnv));
        }
        Map<String, Object> derived = new HashMap<>();
        String databaseUrl = environment.getProperty("DATABASE_URL");
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            DatabaseUrl parsed = DatabaseUrl.parse(databaseUrl);
            derived.put("spring.datasource.url", parsed.jdbcUrl());
            if (parsed.username() != null) {
                derived.put("spring.datasource.username", parsed.username());
            }
            if (parsed.password() != null) {
                derived.put("spring.datasource.password", parsed.password());
            }
        }
        copy(environment, "KAFKA_BOOTSTRAP_SERVERS", "spring.kafka.bootstrap-servers", derived);
        copy(environment, "AVIARY_INTERNAL_TOKEN", "aviary.service.internal-token", derived);
        // DATABASE_URL is the operator's knob, so what it implies wins over any packaged default.
        environment.getPropertySources().addFirst(new MapPropertySource(DERIVED_SOURCE, derived));
        environment.getPropertySources().addLast(new MapPropertySource(KIT_DEFAULTS_SOURCE, KitDefaults.load()));
    }

    private static void copy(ConfigurableEnvironment env, String from, String to, Map<String, Object> into) {
        String value = env.getProperty(from);
        if (value != null && !value.isBlank() && !env.containsProperty(to)) {
            into.put(to, value);
        }
    }

    static Map<String, Object> readDotEnv(Path file) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return values;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.strip();
                int eq = trimmed.indexOf('=');
                if (trimmed.isEmpty() || trimmed.startsWith("#") || eq < 1) {
                    continue;
                }
                String key = trimmed.substring(0, eq).strip().replaceFirst("^export\\s+", "");
                values.put(key, unquote(trimmed.substring(eq + 1).strip()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        return values;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
