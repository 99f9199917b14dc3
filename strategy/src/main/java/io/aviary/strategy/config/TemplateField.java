package io.aviary.strategy.config;

/**
 * One key of a controller's config template, as {@code GET /controllers/{type}/{name}/config/template} lists it.
 *
 * @param key          the YAML key
 * @param type         the field's type as Hummingbot prints it (e.g. {@code typing.Optional[decimal.Decimal]})
 * @param defaultValue the default in written form (what a complete config file holds when the key is left out);
 *                     {@code null} for a required key and for keys Hummingbot derives from others
 * @param required     whether the key must be given
 */
public record TemplateField(String key, String type, Object defaultValue, boolean required) {
}
