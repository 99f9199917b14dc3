package io.aviary.backtesting.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The form of a backtest answer's {@code processed_data} (the request's {@code processed_data_format}, an Aviary
 * addition): {@code none} answers {@code {}} as before (small); {@code features} Hummingbot's
 * {@code features.fillna(0).to_dict()}, {@code {column: {"<epoch s>": value}}}; {@code columns} the same table
 * compact, {@code {"timestamp": [...], column: [...]}} (one array per column, rows in time order).
 */
public enum ProcessedDataFormat {
    NONE("none"), FEATURES("features"), COLUMNS("columns");

    private final String wireName;

    ProcessedDataFormat(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ProcessedDataFormat> parse(String text) {
        return Arrays.stream(values()).filter(f -> f.wireName.equals(text)).findFirst();
    }
}
