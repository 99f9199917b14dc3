package io.aviary.orchestration.runtime;

import io.aviary.orchestration.domain.BotRuntimeDriver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses where bots run: {@code BOT_RUNTIME} ({@code aviary.bots.runtime}) = {@code process} (default),
 * {@code docker} or {@code kubernetes}; each runtime's bean is created only when chosen.
 */
@Configuration(proxyBeanMethods = false)
public class BotRuntimeConfiguration {

    @Bean
    @ConditionalOnProperty(name = "aviary.bots.runtime", havingValue = "process", matchIfMissing = true)
    BotRuntimeDriver localProcessRuntime(@Value("${AVIARY_BOT_JAR:}") String botJar,
            @Value("${aviary.bots.path}") String botsPath,
            @Value("${aviary.bots.stop-grace:30s}") Duration grace,
            @Value("${AVIARY_INSTANCE_ID:}") String instanceId) {
        if (!instanceId.isBlank()) {
            // replicas share process bots through the PID files in BOTS_PATH, which only works on one host (ADR 0033)
            org.slf4j.LoggerFactory.getLogger(BotRuntimeConfiguration.class).warn("AVIARY_INSTANCE_ID is set ({}): "
                    + "with the process bot runtime, orchestration-service replicas must run on one host with one "
                    + "BOTS_PATH (they find each other's bots by PID); use BOT_RUNTIME=docker or kubernetes for "
                    + "replicas on several hosts", instanceId);
        }
        Path instances = Path.of(botsPath).toAbsolutePath().normalize().resolve("bots").resolve("instances");
        Path jar = botJar.isBlank() ? findBotJar(Path.of("").toAbsolutePath()) : Path.of(botJar);
        return new LocalProcessRuntime(LocalProcessRuntime.javaJar(jar), grace, instances);
    }

    /**
     * {@code bot/target/bot-<version>.jar} (its libraries in {@code lib/} beside it) in the working directory or one of its parents (the repository root when
     * started by {@code ./run.sh} or from a module folder); the newest if several. A missing jar does not stop the
     * service: the path is returned as it would be, and a deploy then fails with a message naming it.
     */
    static Path findBotJar(Path from) {
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            Optional<Path> jar = newestJar(dir.resolve("bot").resolve("target"));
            if (jar.isPresent()) {
                return jar.get();
            }
        }
        return from.resolve("bot").resolve("target").resolve("bot-0.1.0-SNAPSHOT.jar");
    }

    private static Optional<Path> newestJar(Path target) {
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().matches("bot-[0-9].*\\.jar")
                            && !file.getFileName().toString().matches(".*-(exec|tests|sources)\\.jar"))
                    .max(Comparator.comparingLong(file -> file.toFile().lastModified()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
