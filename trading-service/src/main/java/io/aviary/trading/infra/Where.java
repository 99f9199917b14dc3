package io.aviary.trading.infra;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A WHERE clause built from optional filters, with its bind values in order. */
final class Where {

    private final List<String> clauses = new ArrayList<>();
    private final List<Object> args = new ArrayList<>();

    /** {@code column = ANY(values)}; no clause for an empty list. */
    Where anyOf(String column, List<String> values) {
        if (!values.isEmpty()) {
            clauses.add(column + " = ANY(?)");
            args.add(values.toArray(String[]::new));
        }
        return this;
    }

    Where between(String column, Instant start, Instant end) {
        if (start != null) {
            clauses.add(column + " >= ?");
            args.add(Sql.ts(start));
        }
        if (end != null) {
            clauses.add(column + " <= ?");
            args.add(Sql.ts(end));
        }
        return this;
    }

    Where clause(String sql, Object... values) {
        clauses.add(sql);
        args.addAll(List.of(values));
        return this;
    }

    Where copy() {
        Where copy = new Where();
        copy.clauses.addAll(clauses);
        copy.args.addAll(args);
        return copy;
    }

    String sql() {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    Object[] args(Object... more) {
        List<Object> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all.toArray();
    }
}
