package org.rnnlab.core.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.rnnlab.core.report.Json;

/**
 * The run folder's JSON files ({@code summary.json}, {@code provenance.json}, {@code metrics.json},
 * checkpoint state). One format for all of them: {@link Json}'s (pretty-printed, keys in insertion
 * order, non-finite numbers as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"},
 * files replaced atomically).
 */
public final class JsonFiles {

  private JsonFiles() {}

  public static void write(Path file, Map<String, ?> values) throws IOException {
    Json.write(values, file);
  }

  public static Map<String, Object> read(Path file) throws IOException {
    return Json.read(file);
  }
}
