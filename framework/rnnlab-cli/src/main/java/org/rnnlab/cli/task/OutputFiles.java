package org.rnnlab.cli.task;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a set of files so that none of them is ever left half-written: each is written to a hidden
 * temporary sibling first, and only when all are complete are they moved into place. On failure the
 * temporary files are removed and the targets are as they were.
 *
 * <p>Not thread-safe; one instance per command.
 */
final class OutputFiles {

  /** Produces the content of one file, written to the path it is given. */
  @FunctionalInterface
  interface Content {
    void writeTo(Path file) throws IOException;
  }

  private final boolean replace;
  private final String refusalHint;
  private final Map<Path, Content> files = new LinkedHashMap<>();

  private OutputFiles(boolean replace, String refusalHint) {
    this.replace = replace;
    this.refusalHint = refusalHint;
  }

  /** Files that replace whatever is at their targets. */
  static OutputFiles replacing() {
    return new OutputFiles(true, "");
  }

  /**
   * Files that must not replace anything: {@link #write} refuses to start if any target exists.
   *
   * @param hint ends the message, for example "pass --force to replace it"
   */
  static OutputFiles refusingExisting(String hint) {
    return new OutputFiles(false, hint);
  }

  /** Adds a file to write. */
  OutputFiles add(Path target, Content content) {
    files.put(target.toAbsolutePath().normalize(), content);
    return this;
  }

  /**
   * Writes every file added, creating parent folders as needed.
   *
   * @throws FileAlreadyExistsException if replacing is not allowed and a target exists (nothing is
   *     written then)
   * @throws IOException if a file cannot be written or moved into place
   */
  void write() throws IOException {
    if (!replace) {
      for (Path target : files.keySet()) {
        refuseExisting(target);
      }
    }
    List<Path[]> written = new ArrayList<>();
    try {
      for (Map.Entry<Path, Content> e : files.entrySet()) {
        Path target = e.getKey();
        Files.createDirectories(target.getParent());
        // Not Files.createTempFile: its owner-only rights would stay with the moved file.
        Path tmp =
            target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        written.add(new Path[] {tmp, target});
        e.getValue().writeTo(tmp);
      }
      for (Path[] move : written) {
        moveIntoPlace(move[0], move[1]);
      }
    } finally {
      for (Path[] move : written) {
        Files.deleteIfExists(move[0]);
      }
    }
  }

  private void refuseExisting(Path target) throws FileAlreadyExistsException {
    if (Files.exists(target)) {
      throw new FileAlreadyExistsException(
          target.toString(), null, "already exists; it was left unchanged (" + refusalHint + ")");
    }
  }

  private void moveIntoPlace(Path tmp, Path target) throws IOException {
    if (!replace) {
      // A rename within the folder; fails rather than replace a file that appeared meanwhile.
      refuseExisting(target);
      Files.move(tmp, target);
      return;
    }
    try {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
