package io.aviary.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Faster service start-up through class-data sharing. CDS needs a plain classpath, so each exec jar is extracted
 * once ({@code java -Djarmode=tools -jar x-exec.jar extract}) into {@code <cdsDir>/app/<module>} and the JVM runs
 * the extracted jar (which alone starts about a third faster than the nested-jar exec jar). On top of that:
 * <ul>
 *   <li>{@link CdsMode#AOT} (JDK 25+, JEP 483/514/515): the first run records with {@code -XX:AOTCacheOutput} and
 *       writes {@code <cdsDir>/<module>.aot} when it exits; later runs use {@code -XX:AOTCache}.</li>
 *   <li>{@link CdsMode#DYNAMIC} (JDK 19+): {@code -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=<module>.jsa}.</li>
 *   <li>{@link CdsMode#EXTRACT}: the extracted jar only.</li>
 * </ul>
 * A newer exec jar, another JDK or other JVM options invalidate the extraction and the archive.
 */
final class AppCds {

    private static final Logger log = LoggerFactory.getLogger(AppCds.class);

    private final Path cdsDir;
    private final String java;
    private final CdsMode mode;
    private final String fingerprint;

    AppCds(Path cdsDir, String java, CdsMode mode, List<String> jvmOptions) {
        this.cdsDir = cdsDir;
        this.java = java;
        this.mode = mode.effective();
        this.fingerprint = System.getProperty("java.home") + "|" + Runtime.version() + "|" + this.mode + "|" + String.join(" ", jvmOptions);
    }

    CdsMode mode() {
        return mode;
    }

    /**
     * Makes sure {@code <cdsDir>/app/<module>} holds the current extraction of {@code execJar}; returns the jar to
     * run, or {@code execJar} itself when CDS is off or extraction failed.
     */
    Path prepare(String module, Path execJar) {
        if (mode == CdsMode.OFF) {
            return execJar;
        }
        Path appDir = cdsDir.resolve("app").resolve(module);
        Path extractedJar = appDir.resolve(execJar.getFileName());
        Path stamp = appDir.resolve(".source");
        try {
            String source = execJar.toAbsolutePath() + "|" + Files.size(execJar) + "|"
                    + Files.getLastModifiedTime(execJar).toMillis() + "|" + fingerprint;
            boolean fresh = Files.isRegularFile(extractedJar) && Files.isRegularFile(stamp)
                    && Files.readString(stamp).equals(source);
            if (fresh) {
                return extractedJar;
            }
            long t0 = System.nanoTime();
            deleteTree(appDir);
            Files.deleteIfExists(archive(module, CdsMode.AOT));
            Files.deleteIfExists(archive(module, CdsMode.DYNAMIC));
            Files.createDirectories(appDir);
            Process p = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Djarmode=tools", "-jar", execJar.toString(),
                    "extract", "--destination", appDir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(cdsDir.resolve("extract.log").toFile()))
                    .start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.isRegularFile(extractedJar)) {
                p.destroyForcibly();
                log.warn("Extracting {} failed (see {}); running the exec jar", execJar, cdsDir.resolve("extract.log"));
                return execJar;
            }
            Files.writeString(stamp, source);
            log.info("Extracted {} in {} ms", execJar.getFileName(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            return extractedJar;
        } catch (IOException e) {
            log.warn("Extracting {} failed ({}); running the exec jar", module, e.toString());
            return execJar;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return execJar;
        }
    }

    /** JVM flags for the next start of {@code module} (decided per start: the first AOT run records, later ones use). */
    List<String> flags(String module) {
        return switch (mode) {
            case AOT -> {
                Path cache = archive(module, CdsMode.AOT);
                if (size(cache) > 0) {
                    yield List.of("-XX:AOTCache=" + cache);
                }
                // an interrupted recording leaves an empty cache and its configuration behind
                deleteQuietly(cache);
                deleteQuietly(cache.resolveSibling(cache.getFileName() + ".config"));
                yield List.of("-XX:AOTCacheOutput=" + cache);
            }
            case DYNAMIC -> List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive(module, CdsMode.DYNAMIC));
            default -> List.of();
        };
    }

    /** True when the JVM started with {@code flags} writes an archive as it exits (its shutdown takes longer). */
    boolean recordsOnExit(String module, List<String> flags) {
        return flags.stream().anyMatch(f -> f.startsWith("-XX:AOTCacheOutput="))
                || flags.contains("-XX:+AutoCreateSharedArchive") && size(archive(module, CdsMode.DYNAMIC)) == 0;
    }

    private static long size(Path p) {
        try {
            return Files.isRegularFile(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // next time
        }
    }

    private Path archive(String module, CdsMode kind) {
        return cdsDir.resolve(module + (kind == CdsMode.AOT ? ".aot" : ".jsa"));
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
