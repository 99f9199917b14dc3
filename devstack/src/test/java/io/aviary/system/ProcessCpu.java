package io.aviary.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time the suite's processes spent, read from {@code /proc/<pid>/stat} (utime + stime of a process and of its
 * living descendants, plus what the root already reaped from exited children). On a shared machine a throughput
 * figure moves with other people's builds; the CPU a process spends per request does not, so a benchmark reports
 * both. Groups: each service JVM (a child of this JVM with the module's jar on its command line), PostgreSQL (the
 * postmaster serving the suite's data dir and its backends) and this JVM (Kafka broker and load generator).
 */
final class ProcessCpu {

    /** 100 on every Linux this runs on ({@code getconf CLK_TCK}); the kernel's USER_HZ, not the scheduler's tick. */
    private static final double MS_PER_TICK = 10.0;

    private record Stat(long pid, long ppid, long ownTicks, long reapedTicks) {
    }

    private final Map<String, Long> roots;

    private ProcessCpu(Map<String, Long> roots) {
        this.roots = roots;
    }

    /** Finds the processes of {@code modules} and the PostgreSQL of {@code dataDir}; empty groups off Linux. */
    static ProcessCpu of(List<String> modules, Path dataDir) {
        Map<Long, Stat> stats = readAll();
        Map<String, Long> roots = new LinkedHashMap<>();
        long self = ProcessHandle.current().pid();
        for (String module : modules) {
            ProcessHandle.current().children()
                    .filter(child -> cmdline(child.pid()).contains(module))
                    .findFirst()
                    .ifPresent(child -> roots.put(module, child.pid()));
        }
        String data = dataDir.toAbsolutePath().normalize().toString();
        stats.keySet().stream()
                .filter(pid -> {
                    String cmd = cmdline(pid);
                    return cmd.split(" ")[0].endsWith("/bin/postgres") && cmd.contains(data);
                })
                .findFirst()
                .ifPresent(pid -> roots.put("postgres", pid));
        roots.put("test-jvm", self);
        return new ProcessCpu(roots);
    }

    /** Which process each group starts at, for the table's header. */
    String describe() {
        StringBuilder text = new StringBuilder();
        roots.forEach((group, pid) -> text.append(group).append('=').append(pid).append(' '));
        return text.toString().strip();
    }

    /** Milliseconds of CPU per group, now. */
    Map<String, Double> sample() {
        Map<Long, Stat> stats = readAll();
        Map<Long, List<Long>> children = new HashMap<>();
        stats.values().forEach(s -> children.computeIfAbsent(s.ppid(), k -> new ArrayList<>()).add(s.pid()));
        long self = ProcessHandle.current().pid();
        Map<String, Double> ms = new LinkedHashMap<>();
        roots.forEach((group, root) -> {
            Stat rootStat = stats.get(root);
            if (rootStat == null) {
                return;
            }
            // this JVM's own time only: its children are the services, counted on their own
            long ticks = root == self ? rootStat.ownTicks() : subtreeTicks(root, stats, children) + rootStat.reapedTicks();
            ms.put(group, ticks * MS_PER_TICK);
        });
        return ms;
    }

    /** Per group, CPU ms between two samples divided by {@code count} (requests). */
    static Map<String, Double> perRequest(Map<String, Double> before, Map<String, Double> after, int count) {
        Map<String, Double> per = new LinkedHashMap<>();
        after.forEach((group, ms) -> per.put(group, count == 0 ? Double.NaN : (ms - before.getOrDefault(group, ms)) / count));
        return per;
    }

    private static long subtreeTicks(long pid, Map<Long, Stat> stats, Map<Long, List<Long>> children) {
        Stat s = stats.get(pid);
        long ticks = s == null ? 0 : s.ownTicks();
        for (long child : children.getOrDefault(pid, List.of())) {
            ticks += subtreeTicks(child, stats, children);
        }
        return ticks;
    }

    private static Map<Long, Stat> readAll() {
        Map<Long, Stat> stats = new HashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .forEach(n -> {
                        Stat s = read(Long.parseLong(n));
                        if (s != null) {
                            stats.put(s.pid(), s);
                        }
                    });
        } catch (IOException e) {
            // not Linux: no CPU figures
        }
        return stats;
    }

    private static Stat read(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name in parentheses may contain spaces: fields are counted after the last ')'
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // f[0] is field 3 (state): ppid field 4, utime 14, stime 15, cutime 16, cstime 17
            return new Stat(pid, Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12]),
                    Long.parseLong(f[13]) + Long.parseLong(f[14]));
        } catch (IOException | RuntimeException e) {
            return null; // exited meanwhile
        }
    }

    private static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }
}
