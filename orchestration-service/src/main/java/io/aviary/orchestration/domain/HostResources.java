package io.aviary.orchestration.domain;

/**
 * The host's CPU, memory and disk as Hummingbot API HEAD's {@code GET /system/resources} reports them (psutil's
 * meanings: memory {@code used} excludes buffers and page cache, {@code percent} is the share not available; disk
 * {@code free} is what an unprivileged user may still write).
 */
public record HostResources(Cpu cpu, Memory memory, Disk disk) {

    /** {@code percent}: busy share of all CPUs since the previous reading; load averages as {@code /proc/loadavg}. */
    public record Cpu(double percent, int countLogical, int countPhysical, double loadAvg1m, double loadAvg5m,
            double loadAvg15m) {
    }

    /** Bytes. */
    public record Memory(long total, long available, long used, double percent) {
    }

    /** Bytes of the file system holding {@code HOST_DISK_PATH}. */
    public record Disk(long total, long used, long free, double percent) {
    }

    /** A percentage rounded to one decimal, as psutil rounds it; 0 when the whole is 0. */
    public static double percent(double part, double whole) {
        return whole <= 0 ? 0.0 : Math.round(part / whole * 1000.0) / 10.0;
    }
}
