package io.aviary.archive.infra;

import io.aviary.archive.domain.ArchivedFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * All archived bot databases, whichever store holds them: the local archive folder ({@code bots/archived/…}) and
 * the S3 archives' cache ({@code s3/<bucket>/…}). A db_path's prefix says which; everything after locating a file
 * (index, SQLite reads) is the same for both.
 */
@Component
public class Archives {

    private final ArchiveFolder folder;
    private final S3ArchiveCache s3;

    public Archives(ArchiveFolder folder, S3ArchiveCache s3) {
        this.folder = folder;
        this.s3 = s3;
    }

    /** Local databases, then S3 ones (listing S3 when it is configured: unreachable S3 is a 503). */
    public List<ArchivedFile> list() {
        List<ArchivedFile> files = new ArrayList<>(folder.list());
        files.addAll(s3.list());
        return files;
    }

    public ArchivedFile locate(String dbPath) {
        return isS3(dbPath) ? s3.locate(dbPath) : folder.locate(dbPath);
    }

    public Path file(ArchivedFile archived) {
        return isS3(archived.dbPath()) ? s3.file(archived) : folder.file(archived);
    }

    /** Deletes the archive the file belongs to (the local instance folder, or the S3 object and its cache). */
    public void deleteInstance(ArchivedFile archived) {
        if (isS3(archived.dbPath())) {
            s3.deleteInstance(archived.instance());
        } else {
            folder.deleteInstance(archived.instance());
        }
    }

    /** The databases of a local archived instance folder. */
    public List<ArchivedFile> localInstance(String instance) {
        return folder.instance(instance);
    }

    /** The databases of an S3 archive, fetched now. */
    public List<ArchivedFile> s3Instance(String bucket, String bot) {
        return s3.instance(bucket, bot);
    }

    public boolean s3Enabled() {
        return s3.enabled();
    }

    private static boolean isS3(String dbPath) {
        return dbPath != null && dbPath.startsWith(S3ArchiveCache.PREFIX);
    }
}
