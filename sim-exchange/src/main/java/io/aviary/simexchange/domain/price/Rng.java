package io.aviary.simexchange.domain.price;

import java.nio.charset.StandardCharsets;

/**
 * Deterministic randomness: SplitMix64 finalisers used both as a hash of keys (random access:
 * "the number for node n of market m") and as a sequential generator (fast streams inside one
 * hour). Same seed and keys give the same numbers on every JVM.
 */
public final class Rng {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final double TWO_POW_32_INV = 0x1.0p-32;

    private long state;

    public Rng(long seed) {
        this.state = seed;
    }

    public long next() {
        state += GOLDEN;
        return mix(state);
    }

    /** Two independent uniforms in [0,1) come out of one {@link #next()}; this is the high one. */
    public static double hiUnit(long r) {
        return (r >>> 32) * TWO_POW_32_INV;
    }

    public static double loUnit(long r) {
        return (r & 0xFFFFFFFFL) * TWO_POW_32_INV;
    }

    /** Approximately standard normal from four uniforms (Irwin–Hall, variance exactly 1). */
    public double irwinHall() {
        long a = next();
        long b = next();
        return (hiUnit(a) + loUnit(a) + hiUnit(b) + loUnit(b) - 2.0) * 1.7320508075688772;
    }

    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public static long hash(long a, long b) {
        return mix(a * GOLDEN + mix(b + GOLDEN));
    }

    public static long hash(long a, long b, long c) {
        return hash(hash(a, b), c);
    }

    /** A stable 64-bit key for a name (FNV-1a, then mixed). */
    public static long key(String name) {
        long h = 0xCBF29CE484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001B3L;
        }
        return mix(h);
    }

    /** Uniform in [0,1) with 53 bits. */
    public static double unit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }

    /** Exact standard normal (Box–Muller) from one hash. */
    public static double gaussian(long h) {
        double u1 = 1.0 - unit(h);
        double u2 = unit(mix(h ^ GOLDEN));
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
