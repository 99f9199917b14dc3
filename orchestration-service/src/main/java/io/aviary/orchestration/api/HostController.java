package io.aviary.orchestration.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.aviary.orchestration.app.HostOverview;
import io.aviary.orchestration.domain.HostResources;
import io.aviary.orchestration.domain.StorageUsage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Hummingbot API HEAD's {@code GET /system/resources} and {@code GET /storage/} (api-catalog §2.3). */
@RestController
@Tag(name = "System", description = "The host's CPU, memory and disk, and the disk use of the bot folders")
public class HostController {

    private final HostOverview host;

    public HostController(HostOverview host) {
        this.host = host;
    }

    record Cpu(double percent, @JsonProperty("count_logical") int countLogical,
            @JsonProperty("count_physical") int countPhysical, @JsonProperty("load_avg_1m") double loadAvg1m,
            @JsonProperty("load_avg_5m") double loadAvg5m, @JsonProperty("load_avg_15m") double loadAvg15m) {
    }

    record Disk(String mountpoint, long total, long used, long free, double percent) {
    }

    record Resources(Cpu cpu, HostResources.Memory memory, Disk disk) {
    }

    record Item(String name, @JsonProperty("size_bytes") long sizeBytes, @JsonProperty("size_human") String sizeHuman) {
    }

    record Folder(@JsonProperty("size_bytes") long sizeBytes, @JsonProperty("size_human") String sizeHuman,
            @JsonProperty("item_count") int itemCount, List<Item> items) {
    }

    /** {@code truncated} (Aviary's addition) appears only when the walk hit its file budget. */
    record Storage(@JsonProperty("total_size_bytes") long totalSizeBytes,
            @JsonProperty("total_size_human") String totalSizeHuman, Map<String, Folder> directories,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean truncated) {
    }

    @GetMapping("/system/resources")
    @Operation(summary = "Host CPU, memory and disk use (HOST_PROC, HOST_DISK_PATH)")
    public Resources resources() {
        HostResources r = host.resources();
        HostResources.Cpu c = r.cpu();
        HostResources.Disk d = r.disk();
        return new Resources(new Cpu(c.percent(), c.countLogical(), c.countPhysical(), c.loadAvg1m(), c.loadAvg5m(),
                c.loadAvg15m()), r.memory(), new Disk("host root", d.total(), d.used(), d.free(), d.percent()));
    }

    @GetMapping("/storage/")
    @Operation(summary = "Disk use of BOTS_PATH/bots/archived, instances and conf, with each sub-folder")
    public Storage storage() {
        StorageUsage usage = host.storage();
        Map<String, Folder> folders = new LinkedHashMap<>();
        usage.directories().forEach((name, f) -> folders.put(name, new Folder(f.sizeBytes(),
                StorageUsage.human(f.sizeBytes()), f.items().size(), f.items().stream()
                        .map(i -> new Item(i.name(), i.sizeBytes(), StorageUsage.human(i.sizeBytes()))).toList())));
        return new Storage(usage.totalBytes(), StorageUsage.human(usage.totalBytes()), folders,
                usage.complete() ? null : Boolean.TRUE);
    }
}
