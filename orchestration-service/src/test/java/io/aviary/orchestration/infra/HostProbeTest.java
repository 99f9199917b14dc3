package io.aviary.orchestration.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.orchestration.domain.HostResources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /system/resources}' readings: from this machine's {@code /proc}, and from a HOST_PROC of known content. */
class HostProbeTest {

    @Test
    void readsThisHostPlausibly() {
        HostResources r = new HostProbe("/proc", "/").read();

        assertThat(r.cpu().countLogical()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(r.cpu().countPhysical()).isBetween(1, r.cpu().countLogical());
        assertThat(r.cpu().percent()).isBetween(0.0, 100.0);
        assertThat(r.cpu().loadAvg1m()).isNotNegative();
        assertThat(r.memory().total()).isPositive().isGreaterThanOrEqualTo(r.memory().available())
                .isGreaterThanOrEqualTo(r.memory().used());
        assertThat(r.memory().percent()).isBetween(0.0, 100.0);
        assertThat(r.disk().total()).isPositive().isGreaterThanOrEqualTo(r.disk().used());
        assertThat(r.disk().free()).isNotNegative();
        assertThat(r.disk().percent()).isBetween(0.0, 100.0);
    }

    @Test
    void honoursHostProcWithPsutilsArithmetic(@TempDir Path proc) throws IOException {
        Files.writeString(proc.resolve("stat"), "cpu  100 0 100 700 100 0 0 0 0 0\ncpu0 50 0 50 350 50 0 0 0 0 0\n"
                + "cpu1 50 0 50 350 50 0 0 0 0 0\ncpu2 0 0 0 0 0 0 0 0 0 0\ncpu3 0 0 0 0 0 0 0 0 0 0\nintr 1\n");
        Files.writeString(proc.resolve("loadavg"), "0.50 0.25 0.10 1/100 999\n");
        Files.writeString(proc.resolve("cpuinfo"), "processor\t: 0\nphysical id\t: 0\ncore id\t\t: 0\n\n"
                + "processor\t: 1\nphysical id\t: 0\ncore id\t\t: 0\n\nprocessor\t: 2\nphysical id\t: 0\ncore id\t\t: 1\n\n"
                + "processor\t: 3\nphysical id\t: 0\ncore id\t\t: 1\n");
        Files.writeString(proc.resolve("meminfo"), "MemTotal:        1000 kB\nMemFree:          200 kB\n"
                + "MemAvailable:     600 kB\nBuffers:          100 kB\nCached:           150 kB\nSReclaimable:      50 kB\n");
        HostProbe probe = new HostProbe(proc.toString(), proc.toString());
        // 300 more busy jiffies of 400 since the primed reading: 75 %
        Files.writeString(proc.resolve("stat"), "cpu  300 0 200 800 100 0 0 0 0 0\n"
                + "cpu0 0 0 0 0 0 0 0 0 0 0\ncpu1 0 0 0 0 0 0 0 0 0 0\ncpu2 0 0 0 0 0 0 0 0 0 0\ncpu3 0 0 0 0 0 0 0 0 0 0\n");

        HostResources r = probe.read();

        assertThat(r.cpu()).isEqualTo(new HostResources.Cpu(75.0, 4, 2, 0.5, 0.25, 0.1));
        assertThat(r.memory()).isEqualTo(new HostResources.Memory(1_024_000, 614_400, 512_000, 40.0));
    }
}
