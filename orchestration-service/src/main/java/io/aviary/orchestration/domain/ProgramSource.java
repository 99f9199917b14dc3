package io.aviary.orchestration.domain;

/**
 * An uploaded controller or script source (Python for Hummingbot images, which run it from the instance folder).
 *
 * @param type    the controller type ({@code market_making}, …); empty for scripts
 * @param name    the module name
 * @param content the source text as uploaded
 */
public record ProgramSource(String type, String name, String content) {
}
