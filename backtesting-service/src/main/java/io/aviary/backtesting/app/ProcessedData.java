package io.aviary.backtesting.app;

import io.aviary.backtesting.domain.ProcessedDataFormat;
import io.aviary.strategy.backtest.FeatureTable;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;

/**
 * A backtest's {@code processed_data} written straight from the controller's {@link FeatureTable} arrays while the
 * answer is serialized: no map per row or column and no boxed value, so the answer's size is the only cost.
 * Non-finite values (indicator warm-up) are written as 0, as Hummingbot's {@code features.fillna(0)}.
 * <ul>
 *   <li>{@link ProcessedDataFormat#FEATURES}: {@code {column: {"<candle open time, epoch s>": value}}}, pandas'
 *       {@code to_dict()} shape, {@code timestamp} included as a column;
 *   <li>{@link ProcessedDataFormat#COLUMNS}: {@code {"timestamp": [...], column: [...]}}, one array per column.
 * </ul>
 */
final class ProcessedData extends JacksonSerializable.Base {

    private final FeatureTable table;
    private final ProcessedDataFormat format;

    ProcessedData(FeatureTable table, ProcessedDataFormat format) {
        if (format == ProcessedDataFormat.NONE) {
            throw new IllegalArgumentException("processed_data none is written as {}");
        }
        this.table = table;
        this.format = format;
    }

    @Override
    public void serialize(JsonGenerator gen, SerializationContext context) {
        List<String> names = table.columnNames();
        int rows = table.rows();
        gen.writeStartObject();
        for (int c = 0; c < names.size(); c++) {
            gen.writeName(names.get(c));
            if (format == ProcessedDataFormat.FEATURES) {
                gen.writeStartObject();
                for (int i = 0; i < rows; i++) {
                    gen.writeName(Long.toString(table.timestamp(i)));
                    writeValue(gen, c, i);
                }
                gen.writeEndObject();
            } else {
                gen.writeStartArray();
                for (int i = 0; i < rows; i++) {
                    writeValue(gen, c, i);
                }
                gen.writeEndArray();
            }
        }
        gen.writeEndObject();
    }

    private void writeValue(JsonGenerator gen, int column, int row) {
        if (column == 0) {
            gen.writeNumber(table.timestamp(row));
        } else {
            double v = table.value(column, row);
            gen.writeNumber(Double.isFinite(v) ? v : 0);
        }
    }

    @Override
    public void serializeWithType(JsonGenerator gen, SerializationContext context, TypeSerializer typeSer) {
        serialize(gen, context);
    }
}
