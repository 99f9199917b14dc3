package io.aviary.backtesting.app;

import io.aviary.backtesting.domain.SweepRequest;
import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.failure.Unprocessable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Draws a sweep's variants (each a map of swept key → value) from its parameters: every combination for a grid (the
 * last key varying fastest), or {@code samples} distinct combinations drawn with {@link Random} seeded by the sweep's
 * seed for a random search, so the same seed gives the same variants on any JVM. At most {@code max} variants.
 */
final class SweepVariants {

    private SweepVariants() {
    }

    /**
     * @throws Unprocessable when the sweep has more than {@code max} variants (naming the limit)
     * @throws InvalidRequest for a range without a step in a grid
     */
    static List<Map<String, Object>> draw(SweepRequest sweep, long seed, int max) {
        return switch (sweep.search()) {
            case GRID -> grid(sweep.parameters(), max);
            case RANDOM -> random(sweep.parameters(), sweep.samples(), seed, max);
        };
    }

    private static List<Map<String, Object>> grid(Map<String, SweepRequest.Space> parameters, int max) {
        List<String> keys = new ArrayList<>(parameters.keySet());
        List<List<Object>> values = new ArrayList<>();
        long total = 1;
        for (String key : keys) {
            List<Object> listed = listed(key, parameters.get(key), max);
            values.add(listed);
            total = total > Integer.MAX_VALUE ? total : total * listed.size();
        }
        if (total > max) {
            throw tooMany("the grid has " + (total > Integer.MAX_VALUE ? "more than " + Integer.MAX_VALUE : total)
                    + " variants", max);
        }
        List<Map<String, Object>> out = new ArrayList<>((int) total);
        int[] index = new int[keys.size()];
        for (long n = 0; n < total; n++) {
            Map<String, Object> variant = new LinkedHashMap<>();
            for (int k = 0; k < keys.size(); k++) {
                variant.put(keys.get(k), values.get(k).get(index[k]));
            }
            out.add(variant);
            for (int k = keys.size() - 1; k >= 0 && ++index[k] == values.get(k).size(); k--) {
                index[k] = 0;
            }
        }
        return out;
    }

    private static List<Map<String, Object>> random(Map<String, SweepRequest.Space> parameters, int samples,
            long seed, int max) {
        if (samples > max) {
            throw tooMany("samples is " + samples, max);
        }
        Random random = new Random(seed);
        Set<Map<String, Object>> drawn = new LinkedHashSet<>();
        // a space smaller than samples ends with all of it: stop after enough draws without a new variant
        for (int attempts = 0; drawn.size() < samples && attempts < samples * 20 + 100; attempts++) {
            Map<String, Object> variant = new LinkedHashMap<>();
            parameters.forEach((key, space) -> variant.put(key, pick(space, random)));
            drawn.add(variant);
        }
        return new ArrayList<>(drawn);
    }

    private static Object pick(SweepRequest.Space space, Random random) {
        return switch (space) {
            case SweepRequest.Values v -> v.values().get(random.nextInt(v.values().size()));
            case SweepRequest.Range r when r.step() == null -> number(r.min().add(r.max().subtract(r.min())
                    .multiply(BigDecimal.valueOf(random.nextDouble()))).round(new java.math.MathContext(10)));
            case SweepRequest.Range r -> number(r.min().add(r.step().multiply(
                    BigDecimal.valueOf(random.nextInt((int) steps(r))))));
        };
    }

    private static List<Object> listed(String key, SweepRequest.Space space, int max) {
        return switch (space) {
            case SweepRequest.Values v -> v.values();
            case SweepRequest.Range r when r.step() == null -> throw new InvalidRequest("parameters." + key
                    + ": a grid needs a step (or list the values); only a random search draws from {min, max}");
            case SweepRequest.Range r -> {
                long count = steps(r);
                if (count > max) {
                    throw tooMany("parameters." + key + " has " + count + " values", max);
                }
                List<Object> out = new ArrayList<>((int) count);
                for (long i = 0; i < count; i++) {
                    out.add(number(r.min().add(r.step().multiply(BigDecimal.valueOf(i)))));
                }
                yield out;
            }
        };
    }

    /** How many values {@code min, min + step, …, ≤ max} has (the shape check made step > 0 and max ≥ min). */
    private static long steps(SweepRequest.Range r) {
        BigDecimal count = r.max().subtract(r.min()).divideToIntegralValue(r.step()).add(BigDecimal.ONE);
        return count.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0 ? Integer.MAX_VALUE : count.longValue();
    }

    /** A whole number as a long (integer keys accept it), any other as its decimal. */
    private static Object number(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() <= 0 ? (Object) stripped.longValueExact() : stripped;
    }

    private static Unprocessable tooMany(String what, int max) {
        return new Unprocessable((what.startsWith("parameters.") ? "" : "parameters: ") + what + "; a sweep runs at most " + max
                + " variants (list fewer values, or use search \"random\" with samples <= " + max
                + ")");
    }
}
