package io.aviary.orchestration.domain;

import java.util.Map;

/**
 * One stored config.
 *
 * @param name        the config name (Hummingbot's file name without {@code .yml})
 * @param programName the controller's {@code controller_name} or the script's {@code script_file_name}
 * @param programType the controller's {@code controller_type}; empty for scripts
 * @param content     the config's keys in written order
 */
public record StoredConfig(String name, String programName, String programType, Map<String, Object> content) {
}
