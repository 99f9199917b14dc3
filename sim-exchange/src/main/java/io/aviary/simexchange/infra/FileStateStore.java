package io.aviary.simexchange.infra;

import io.aviary.simexchange.domain.event.VenueEvent;
import io.aviary.simexchange.domain.state.ApiKeyRecord;
import io.aviary.simexchange.domain.state.StateStore;
import io.aviary.simexchange.domain.state.VenueState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link StateStore} in a directory: {@code snapshot.json} (replaced atomically: written to a
 * temporary file, forced to disk, renamed) and {@code journal.jsonl}, one JSON line per record
 * {@code {"seq":…,"type":"OrderChanged","data":{…}}}. Appends are flushed to the OS before the
 * command returns (survives a killed process); with {@code fsync} they are also forced to disk
 * (survives a power cut). Files are readable by the owner only: they contain API secrets.
 */
public final class FileStateStore implements StateStore {

    private static final Logger log = LoggerFactory.getLogger(FileStateStore.class);

    private record Line(long seq, String type, Object data) {
    }

    private final Path snapshot;
    private final Path journal;
    private final boolean fsync;
    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final Map<String, Class<?>> types = new HashMap<>();
    private FileChannel out;

    public FileStateStore(Path dir, boolean fsync) {
        this.snapshot = dir.resolve("snapshot.json");
        this.journal = dir.resolve("journal.jsonl");
        this.fsync = fsync;
        types.put(ApiKeyRecord.class.getSimpleName(), ApiKeyRecord.class);
        for (Class<?> c : VenueEvent.Private.class.getPermittedSubclasses()) {
            types.put(c.getSimpleName(), c);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dir, e);
        }
    }

    @Override
    public Optional<VenueState> readSnapshot() {
        if (!Files.exists(snapshot)) {
            return Optional.empty();
        }
        return Optional.of(mapper.readValue(snapshot.toFile(), VenueState.class));
    }

    @Override
    public void readJournal(Consumer<Entry> consumer) {
        if (!Files.exists(journal)) {
            return;
        }
        try (BufferedReader reader = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                Entry entry = parse(line);
                if (entry == null) {
                    log.warn("journal line {} is incomplete (interrupted write); ignoring it and what follows", n);
                    return;
                }
                consumer.accept(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + journal, e);
        }
    }

    private Entry parse(String line) {
        try {
            JsonNode node = mapper.readTree(line);
            Class<?> type = types.get(node.path("type").asString());
            if (type == null) {
                return null;
            }
            return new Entry(node.path("seq").asLong(), mapper.treeToValue(node.get("data"), type));
        } catch (JacksonException | IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public synchronized void append(List<Entry> entries) {
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries) {
            sb.append(mapper.writeValueAsString(new Line(e.sequence(), e.record().getClass().getSimpleName(), e.record())))
                    .append('\n');
        }
        try {
            FileChannel channel = channel();
            ByteBuffer buf = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            if (fsync) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + journal, e);
        }
    }

    @Override
    public synchronized void writeSnapshot(VenueState state) {
        Path tmp = snapshot.resolveSibling("snapshot.json.tmp");
        try {
            byte[] json = mapper.writeValueAsBytes(state);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(ByteBuffer.wrap(json));
                ch.force(true);
            }
            ownerOnly(tmp);
            Files.move(tmp, snapshot, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            // the snapshot covers every journaled entry: start an empty journal
            closeChannel();
            out = FileChannel.open(journal, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            ownerOnly(journal);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + snapshot, e);
        }
    }

    private FileChannel channel() throws IOException {
        if (out == null) {
            out = FileChannel.open(journal, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            ownerOnly(journal);
        }
        return out;
    }

    private static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: rely on the directory's permissions
        }
    }

    @Override
    public synchronized void close() {
        closeChannel();
    }

    private void closeChannel() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                log.warn("closing the journal failed: {}", e.getMessage());
            }
            out = null;
        }
    }
}
