package io.aviary.bot.instance;

import io.aviary.strategy.config.V2ControllerConfig;
import java.nio.file.Path;

/**
 * One controller config of the instance: its file (which the runtime re-reads for updates, as Hummingbot does every
 * 10 s) and the validated config.
 *
 * @param name the name the script config lists, with its {@code .yml}
 */
public record ControllerFile(String name, Path file, V2ControllerConfig config) {
}
