/**
 * Bot entry programs ("scripts" in Hummingbot's words) and their configs. Aviary's only built-in script is the Java
 * equivalent of Hummingbot's {@code v2_with_controllers}: it runs the controllers its config lists.
 */
package io.aviary.strategy.script;
