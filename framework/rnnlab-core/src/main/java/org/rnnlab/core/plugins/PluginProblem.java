package org.rnnlab.core.plugins;

import java.nio.file.Path;

/**
 * A plugin file that could not be used; the rest of the plugins still load.
 *
 * @param file the jar, zip or folder
 * @param reason what is wrong, for the user
 */
public record PluginProblem(Path file, String reason) {
  @Override
  public String toString() {
    return "skipped plugin " + file.getFileName() + ": " + reason;
  }
}
