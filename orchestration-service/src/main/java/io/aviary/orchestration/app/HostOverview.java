package io.aviary.orchestration.app;

import io.aviary.orchestration.domain.HostResources;
import io.aviary.orchestration.domain.StorageUsage;
import io.aviary.orchestration.infra.FolderSizes;
import io.aviary.orchestration.infra.HostProbe;
import org.springframework.stereotype.Service;

/** The machine bots run on, as HEAD's {@code /system/resources} and {@code /storage/} show it. */
@Service
public class HostOverview {

    private final HostProbe host;
    private final FolderSizes folders;

    public HostOverview(HostProbe host, FolderSizes folders) {
        this.host = host;
        this.folders = folders;
    }

    public HostResources resources() {
        return host.read();
    }

    public StorageUsage storage() {
        return folders.usage();
    }
}
