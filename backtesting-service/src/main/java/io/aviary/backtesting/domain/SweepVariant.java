package io.aviary.backtesting.domain;

/**
 * One variant of a sweep: its number (0-based, in drawing order), the swept keys' values as JSON text, and once it
 * ran its §4.3 metrics and executors summary (JSON text), the ranking metric's value, or the reason it failed.
 */
public record SweepVariant(int variant, String status, String parameters, String results, String executors,
        Double score, String error) {
}
