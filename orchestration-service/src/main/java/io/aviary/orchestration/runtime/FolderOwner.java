package io.aviary.orchestration.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The user a bot's container runs as: the owner of its instance folder, so the bot can write {@code data/} and
 * {@code logs/} and the files it writes stay the folder owner's ({@code BOT_CONTAINER_USER} overrides).
 */
record FolderOwner(long uid, long gid) {

    /** {@code uid:gid} from an override such as {@code 1000:1000} or {@code 1000}; empty when blank or not numeric. */
    static Optional<FolderOwner> parse(String user) {
        if (user == null || !user.matches("[0-9]{1,10}(:[0-9]{1,10})?")) {
            return Optional.empty();
        }
        String[] ids = user.split(":");
        long uid = Long.parseLong(ids[0]);
        return Optional.of(new FolderOwner(uid, ids.length > 1 ? Long.parseLong(ids[1]) : uid));
    }

    /** The folder's owner; empty where the file system has no unix owner. */
    static Optional<FolderOwner> of(Path folder) {
        try {
            return Optional.of(new FolderOwner(((Number) Files.getAttribute(folder, "unix:uid")).longValue(),
                    ((Number) Files.getAttribute(folder, "unix:gid")).longValue()));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return uid + ":" + gid;
    }
}
