package org.rnnlab.core.runs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code metrics.csv}: one row per training step with {@code step, loss, loss/<term>…,
 * learning_rate, grad_norm, wall_time_s}.
 *
 * <p>Floats are written with {@link Float#toString}, which round-trips exactly, so two runs with
 * the same seed give byte-identical files apart from the wall-time column. Rows are flushed as they
 * are written, so a stopped run keeps every finished step.
 */
public final class MetricsLog implements AutoCloseable {

  private final BufferedWriter writer;
  private final int columns;

  private MetricsLog(BufferedWriter writer, int columns) {
    this.writer = writer;
    this.columns = columns;
  }

  /** The header for the given loss-term names. */
  public static List<String> header(List<String> termNames) {
    List<String> h = new ArrayList<>();
    h.add("step");
    h.add("loss");
    termNames.forEach(t -> h.add("loss/" + t));
    h.add("learning_rate");
    h.add("grad_norm");
    h.add("wall_time_s");
    return h;
  }

  /** Starts a new file with its header. */
  public static MetricsLog create(Path file, List<String> termNames) throws IOException {
    List<String> header = header(termNames);
    BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    w.write(String.join(",", header));
    w.newLine();
    w.flush();
    return new MetricsLog(w, header.size());
  }

  /**
   * Continues an existing file from a resumed step: rows after {@code lastStep} (written after the
   * checkpoint the run resumes from) are dropped, the rest kept.
   */
  public static MetricsLog resume(Path file, List<String> termNames, int lastStep)
      throws IOException {
    List<String> header = header(termNames);
    List<String> kept = new ArrayList<>();
    kept.add(String.join(",", header));
    if (Files.exists(file)) {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 1; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.isBlank()) {
          continue;
        }
        int comma = line.indexOf(',');
        try {
          int step = Integer.parseInt(line.substring(0, comma));
          if (step <= lastStep) {
            kept.add(line);
          }
        } catch (RuntimeException e) {
          // A row cut off by the interruption: drop it.
        }
      }
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, kept, StandardCharsets.UTF_8);
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    BufferedWriter w =
        Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    return new MetricsLog(w, header.size());
  }

  /** Appends one row. */
  public void append(
      int step, float loss, float[] terms, double learningRate, float gradNorm, double wallTimeS)
      throws IOException {
    StringBuilder b = new StringBuilder();
    b.append(step).append(',').append(Float.toString(loss));
    for (float t : terms) {
      b.append(',').append(Float.toString(t));
    }
    b.append(',').append(Double.toString(learningRate));
    b.append(',').append(Float.toString(gradNorm));
    b.append(',').append(String.format(java.util.Locale.ROOT, "%.3f", wallTimeS));
    if (columns != 5 + terms.length) {
      throw new IllegalStateException("metrics row has the wrong number of columns");
    }
    writer.write(b.toString());
    writer.newLine();
    writer.flush();
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
