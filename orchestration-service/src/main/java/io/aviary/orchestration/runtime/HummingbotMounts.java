package io.aviary.orchestration.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Hummingbot's mounts of an instance folder (api-catalog §6.2), the same for every container runtime: {@code conf},
 * its {@code connectors}/{@code scripts}/{@code controllers} where present, {@code data}, {@code logs}, and
 * {@code bots/scripts} and {@code bots/controllers} beside the instances where present.
 */
final class HummingbotMounts {

    /** Where Hummingbot's image keeps its instance files; Aviary's image uses the same. */
    static final String HOME = "/home/hummingbot";

    /** One folder on the host (or shared volume) and where the bot's container sees it. */
    record Mount(Path source, String target) {
    }

    private HummingbotMounts() {
    }

    /** The mounts of {@code <BOTS_PATH>/bots/instances/<bot>}; creates conf, data and logs if missing. */
    static List<Mount> of(Path folder) {
        createFolders(folder.resolve("data"), folder.resolve("logs"), folder.resolve("conf"));
        List<Mount> mounts = new ArrayList<>();
        mounts.add(new Mount(folder.resolve("conf"), HOME + "/conf"));
        for (String sub : List.of("connectors", "scripts", "controllers")) {
            Path conf = folder.resolve("conf").resolve(sub);
            if (Files.isDirectory(conf)) {
                mounts.add(new Mount(conf, HOME + "/conf/" + sub));
            }
        }
        mounts.add(new Mount(folder.resolve("data"), HOME + "/data"));
        mounts.add(new Mount(folder.resolve("logs"), HOME + "/logs"));
        // <BOTS_PATH>/bots/instances/<bot> → <BOTS_PATH>/bots/{scripts,controllers}: Python code a Hummingbot image runs
        Path bots = folder.getParent() == null ? null : folder.getParent().getParent();
        if (bots != null) {
            for (String shared : List.of("scripts", "controllers")) {
                if (Files.isDirectory(bots.resolve(shared))) {
                    mounts.add(new Mount(bots.resolve(shared), HOME + "/" + shared));
                }
            }
        }
        return mounts;
    }

    private static void createFolders(Path... folders) {
        try {
            for (Path folder : folders) {
                Files.createDirectories(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the instance folder's " + folders.length + " folders", e);
        }
    }
}
