package io.aviary.connectors.paper;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How a {@link SqlPaperLedger}'s store holds what its SQL cannot say alike: decimals, instants and row locks. The
 * formats are what existing ledgers hold on disk, so changing one means migrating their files and tables.
 */
public enum LedgerDialect {

    /** NUMERIC decimals, TIMESTAMPTZ instants, and a balance row is locked while a step reads and rewrites it. */
    POSTGRESQL(" FOR UPDATE") {
        @Override
        void setDecimal(PreparedStatement statement, int index, BigDecimal value) throws SQLException {
            statement.setBigDecimal(index, value);
        }

        @Override
        BigDecimal decimal(ResultSet rs, int column) throws SQLException {
            return rs.getBigDecimal(column);
        }

        @Override
        void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
            statement.setTimestamp(index, Timestamp.from(value));
        }

        @Override
        Instant instant(ResultSet rs, int column) throws SQLException {
            return rs.getTimestamp(column).toInstant();
        }
    },

    /**
     * Decimals as their text (SQLite's REAL would round; text is exact and keeps the scale), instants as epoch
     * microseconds (PostgreSQL's precision), and no row locks: SQLite has one writer, which holds the whole file.
     */
    SQLITE("") {
        @Override
        void setDecimal(PreparedStatement statement, int index, BigDecimal value) throws SQLException {
            statement.setString(index, value == null ? null : value.toPlainString());
        }

        @Override
        BigDecimal decimal(ResultSet rs, int column) throws SQLException {
            String text = rs.getString(column);
            return text == null ? null : new BigDecimal(text);
        }

        @Override
        void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
            statement.setLong(index, ChronoUnit.MICROS.between(Instant.EPOCH, value));
        }

        @Override
        Instant instant(ResultSet rs, int column) throws SQLException {
            return Instant.EPOCH.plus(rs.getLong(column), ChronoUnit.MICROS);
        }
    };

    private final String rowLock;

    LedgerDialect(String rowLock) {
        this.rowLock = rowLock;
    }

    /** Appended to a SELECT of the balance row a step is about to rewrite. */
    String rowLock() {
        return rowLock;
    }

    /** Binds a decimal, {@code null} included. */
    abstract void setDecimal(PreparedStatement statement, int index, BigDecimal value) throws SQLException;

    /** Reads a decimal, {@code null} for SQL NULL. */
    abstract BigDecimal decimal(ResultSet rs, int column) throws SQLException;

    abstract void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException;

    abstract Instant instant(ResultSet rs, int column) throws SQLException;
}
