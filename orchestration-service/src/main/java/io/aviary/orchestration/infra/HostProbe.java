package io.aviary.orchestration.infra;

import io.aviary.orchestration.domain.HostResources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads the host's CPU, memory and load from {@code HOST_PROC} (default {@code /proc}; a container mounts the host's
 * {@code /proc} read-only and points this at it, as with Hummingbot API) and its disk from the file system holding
 * {@code HOST_DISK_PATH} (default {@code /}). Linux only, like the variables it honours.
 */
@Component
public class HostProbe {

    /** One reading of {@code /proc/stat}'s aggregate {@code cpu} line: busy and total jiffies. */
    private record CpuTimes(long busy, long total) {
    }

    private final Path proc;
    private final Path disk;
    private CpuTimes previous;

    public HostProbe(@Value("${HOST_PROC:/proc}") String proc, @Value("${HOST_DISK_PATH:/}") String disk) {
        this.proc = Path.of(proc);
        this.disk = Path.of(disk);
        this.previous = cpuTimes(); // primed, so the first request measures since start-up rather than answering 0
    }

    public HostResources read() {
        return new HostResources(cpu(), memory(), disk());
    }

    private HostResources.Cpu cpu() {
        CpuTimes now = cpuTimes();
        CpuTimes before;
        synchronized (this) {
            before = previous;
            previous = now;
        }
        double percent = HostResources.percent(now.busy() - before.busy(), now.total() - before.total());
        String[] load = lines("loadavg").getFirst().trim().split("\\s+");
        return new HostResources.Cpu(percent, logicalCpus(), physicalCores(), Double.parseDouble(load[0]),
                Double.parseDouble(load[1]), Double.parseDouble(load[2]));
    }

    /** The {@code cpuN} lines of {@code stat}: every logical CPU of the host. */
    private int logicalCpus() {
        long count = lines("stat").stream().filter(l -> l.matches("cpu\\d+ .*")).count();
        return count > 0 ? (int) count : Runtime.getRuntime().availableProcessors();
    }

    /** Distinct (physical id, core id) pairs of {@code cpuinfo}; the logical count where it names none (some VMs, ARM). */
    private int physicalCores() {
        Set<String> cores = new HashSet<>();
        String physical = "0";
        for (String line : lines("cpuinfo")) {
            if (line.startsWith("physical id")) {
                physical = value(line);
            } else if (line.startsWith("core id")) {
                cores.add(physical + "/" + value(line));
            }
        }
        return cores.isEmpty() ? logicalCpus() : cores.size();
    }

    private CpuTimes cpuTimes() {
        String[] f = lines("stat").getFirst().trim().split("\\s+"); // cpu user nice system idle iowait irq softirq steal
        long total = 0;
        for (int i = 1; i < Math.min(f.length, 9); i++) {
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
        return new CpuTimes(total - idle, total);
    }

    /** psutil's Linux arithmetic: used = total − free − buffers − cached (page cache plus reclaimable slab). */
    private HostResources.Memory memory() {
        Map<String, Long> kb = new HashMap<>();
        for (String line : lines("meminfo")) {
            String[] kv = line.split(":\\s+");
            if (kv.length == 2) {
                kb.put(kv[0], Long.parseLong(kv[1].replace(" kB", "").trim()));
            }
        }
        long total = kb.getOrDefault("MemTotal", 0L) * 1024;
        long free = kb.getOrDefault("MemFree", 0L) * 1024;
        long cached = (kb.getOrDefault("Cached", 0L) + kb.getOrDefault("SReclaimable", 0L)) * 1024;
        long buffers = kb.getOrDefault("Buffers", 0L) * 1024;
        long available = kb.containsKey("MemAvailable") ? kb.get("MemAvailable") * 1024 : free + cached + buffers;
        long used = Math.max(0, total - free - cached - buffers);
        return new HostResources.Memory(total, available, used, HostResources.percent(total - available, total));
    }

    private HostResources.Disk disk() {
        try {
            FileStore store = Files.getFileStore(disk);
            long total = store.getTotalSpace();
            long free = store.getUsableSpace();
            long used = total - store.getUnallocatedSpace();
            return new HostResources.Disk(total, used, free, HostResources.percent(used, used + free));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the file system of HOST_DISK_PATH " + disk, e);
        }
    }

    private List<String> lines(String file) {
        try {
            return Files.readAllLines(proc.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + proc.resolve(file) + " (HOST_PROC)", e);
        }
    }

    private static String value(String line) {
        return line.substring(line.indexOf(':') + 1).trim();
    }
}
