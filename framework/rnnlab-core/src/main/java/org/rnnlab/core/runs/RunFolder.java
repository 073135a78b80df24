package org.rnnlab.core.runs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The folder one run writes, laid out as in the design:
 *
 * <pre>
 * spec.yaml  provenance.json  metrics.csv  checkpoints/  evaluation/  analysis/&lt;id&gt;/
 * summary.json  loss-curve.png  report.html
 * </pre>
 */
public final class RunFolder {

  private final Path root;

  private RunFolder(Path root) {
    this.root = root;
  }

  /**
   * Creates a new run folder.
   *
   * @param out the exact folder to use ({@code --out}), or null to create {@code
   *     runsRoot/<experiment>/<yyyyMMdd-HHmmss>-<hash>}
   * @param specYaml the resolved spec, whose hash names the folder
   * @throws IOException if {@code out} exists and is not empty (an earlier run is never
   *     overwritten), or the folder cannot be created
   */
  public static RunFolder create(Path runsRoot, Path out, String experiment, String specYaml)
      throws IOException {
    Path root;
    if (out != null) {
      root = out.toAbsolutePath().normalize();
      if (Files.exists(root)) {
        if (!Files.isDirectory(root)) {
          throw new IOException("--out " + out + " exists and is not a folder");
        }
        try (var entries = Files.list(root)) {
          if (entries.findAny().isPresent()) {
            throw new IOException(
                "--out "
                    + out
                    + " already holds files; choose an empty or new folder (a run never"
                    + " overwrites another), or continue it with --resume "
                    + out);
          }
        }
      }
    } else {
      String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
      String base = stamp + "-" + shortHash(specYaml);
      root = runsRoot.resolve(experiment).resolve(base).toAbsolutePath().normalize();
      for (int i = 2; Files.exists(root); i++) {
        root = runsRoot.resolve(experiment).resolve(base + "-" + i).toAbsolutePath().normalize();
      }
    }
    Files.createDirectories(root);
    RunFolder folder = new RunFolder(root);
    Files.createDirectories(folder.checkpoints());
    Files.createDirectories(folder.evaluation());
    Files.createDirectories(folder.root.resolve("analysis"));
    return folder;
  }

  /**
   * Opens an existing run folder, for resuming.
   *
   * @throws IOException if it is not a run folder (no spec.yaml)
   */
  public static RunFolder open(Path root) throws IOException {
    Path r = root.toAbsolutePath().normalize();
    if (!Files.isRegularFile(r.resolve("spec.yaml"))) {
      throw new IOException(root + " is not a run folder: it has no spec.yaml");
    }
    return new RunFolder(r);
  }

  public Path root() {
    return root;
  }

  /** The run's id: its folder name. */
  public String id() {
    return root.getFileName().toString();
  }

  public Path spec() {
    return root.resolve("spec.yaml");
  }

  public Path provenance() {
    return root.resolve("provenance.json");
  }

  public Path metrics() {
    return root.resolve("metrics.csv");
  }

  public Path checkpoints() {
    return root.resolve("checkpoints");
  }

  public Path evaluation() {
    return root.resolve("evaluation");
  }

  /** {@code analysis/<id>/}, created if missing. */
  public Path analysis(String id) throws IOException {
    return Files.createDirectories(root.resolve("analysis").resolve(id));
  }

  public Path summary() {
    return root.resolve("summary.json");
  }

  public Path lossCurve() {
    return root.resolve("loss-curve.png");
  }

  public Path report() {
    return root.resolve("report.html");
  }

  static String shortHash(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
