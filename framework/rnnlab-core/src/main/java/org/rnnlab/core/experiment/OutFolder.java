package org.rnnlab.core.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code --out} folder of a command that writes next to runs, never over anything. */
public final class OutFolder {

  private OutFolder() {}

  /**
   * Creates {@code out} if missing and returns it, absolute.
   *
   * @throws RunInputException if {@code out} is a file or a folder that holds files (nothing is
   *     overwritten)
   * @throws IOException if it cannot be created
   */
  public static Path newOrEmpty(Path out) throws IOException {
    Path root = out.toAbsolutePath().normalize();
    if (Files.exists(root)) {
      if (!Files.isDirectory(root)) {
        throw new RunInputException("--out " + out + " is not a folder");
      }
      try (var entries = Files.list(root)) {
        if (entries.findAny().isPresent()) {
          throw new RunInputException(
              "--out "
                  + out
                  + " already holds files; choose an empty or new folder (nothing is"
                  + " overwritten)");
        }
      }
    }
    return Files.createDirectories(root);
  }
}
