package io.aviary.bot.app;

import io.aviary.bot.instance.ControllerFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which controller files were edited since the strategy started (by modification time), so the bot applies what the
 * API's {@code POST /controllers/bots/{bot}/…} writes while it runs, as Hummingbot re-reads them.
 */
final class EditedControllerFiles {
  private static final Logger log = LoggerFactory.getLogger(EditedControllerFiles.class);

  private final Map<Path, FileTime> seen = new ConcurrentHashMap<>();

  /** Takes the files as they are now as the baseline (at each strategy start). */
  void remember(List<ControllerFile> files) {
    seen.clear();
    for (ControllerFile file : files) {
      FileTime modified = modified(file);
      if (modified != null) {
        seen.put(file.file(), modified);
      }
    }
  }

  /** The files modified since they were last remembered or returned here. */
  List<ControllerFile> edited(List<ControllerFile> files) {
    List<ControllerFile> edited = new ArrayList<>();
    for (ControllerFile file : files) {
      FileTime modified = modified(file);
      if (modified == null) {
        continue;
      }
      FileTime before = seen.put(file.file(), modified);
      if (before != null && !before.equals(modified)) {
        edited.add(file);
      }
    }
    return edited;
  }

  private static FileTime modified(ControllerFile file) {
    try {
      return Files.getLastModifiedTime(file.file());
    } catch (IOException e) {
      log.warn("Controller config {} cannot be watched for edits: {}", file.name(), e.toString());
      return null;
    }
  }
}
