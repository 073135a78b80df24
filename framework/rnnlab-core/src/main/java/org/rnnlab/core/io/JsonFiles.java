package org.rnnlab.core.io;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pretty-printed JSON files with keys in insertion order. Non-finite numbers are written as the
 * strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}, so every file stays valid
 * JSON. Files are replaced atomically.
 */
public final class JsonFiles {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonFiles() {}

  public static void write(Path file, Map<String, ?> values) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, MAPPER.writeValueAsString(sanitize(values)) + "\n");
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  public static Map<String, Object> read(Path file) throws IOException {
    return MAPPER.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {});
  }

  /** Replaces non-finite doubles with strings, recursively. */
  public static Object sanitize(Object v) {
    if (v instanceof Double d && !Double.isFinite(d)) {
      return d.toString();
    }
    if (v instanceof Float f && !Float.isFinite(f)) {
      return f.toString();
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), sanitize(x)));
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(sanitize(x)));
      return out;
    }
    if (v instanceof double[] a) {
      List<Object> out = new ArrayList<>();
      for (double x : a) {
        out.add(sanitize(x));
      }
      return out;
    }
    return v;
  }
}
