package io.aviary.devstack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** One launcher per data dir: an OS file lock on {@code <dataDir>/devstack.lock}, released when the JVM dies. */
final class DataDirLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirLock acquire(Path dataDir) {
        Path file = dataDir.resolve("devstack.lock");
        try {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String owner = Files.readString(file).strip();
                channel.close();
                throw new SuiteException("Another Aviary launcher" + (owner.isEmpty() ? "" : " (pid " + owner + ")")
                        + " is already running with the data dir " + dataDir + ".\n"
                        + "Stop it first (Ctrl-C in its terminal" + (owner.isEmpty() ? "" : ", or kill " + owner)
                        + "), or give this one another data dir with AVIARY_DATA_DIR / --data-dir.");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return new DataDirLock(channel, lock);
        } catch (IOException e) {
            throw new SuiteException("Cannot lock the data dir " + dataDir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the lock dies with the channel anyway
        }
    }
}
