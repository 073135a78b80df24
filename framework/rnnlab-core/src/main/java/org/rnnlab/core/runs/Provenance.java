package org.rnnlab.core.runs;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** What {@code provenance.json} records: versions, seeds, machine, times and source. */
public final class Provenance {

  private Provenance() {}

  /** rnnlab's version, from the build. */
  public static String rnnlabVersion() {
    try (InputStream in =
        Provenance.class.getResourceAsStream("/org/rnnlab/core/version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * The provenance of a run starting now.
   *
   * @param experimentFile the script the run came from, or null
   * @param commandLine the arguments as given
   * @param plugins plugin id to version
   * @param seeds the experiment seed and derived stream seeds
   */
  public static Map<String, Object> start(
      Path experimentFile,
      List<String> commandLine,
      Map<String, String> plugins,
      Map<String, Long> seeds) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("rnnlab_version", rnnlabVersion());
    p.put("plugins", plugins);
    Map<String, Object> djl = new LinkedHashMap<>();
    djl.put("djl_version", Engine.getDjlVersion());
    Engine engine = Engine.getInstance();
    djl.put("engine", engine.getEngineName());
    djl.put("engine_version", engine.getVersion());
    djl.put("device", engine.defaultDevice().toString());
    djl.putAll(threads());
    p.put("djl", djl);
    p.put("seeds", seeds);
    Map<String, Object> jvm = new LinkedHashMap<>();
    jvm.put("java_version", System.getProperty("java.version"));
    jvm.put("java_vendor", System.getProperty("java.vendor"));
    jvm.put("vm", System.getProperty("java.vm.name"));
    p.put("jvm", jvm);
    Map<String, Object> os = new LinkedHashMap<>();
    os.put("name", System.getProperty("os.name"));
    os.put("version", System.getProperty("os.version"));
    os.put("arch", System.getProperty("os.arch"));
    os.put("processors", Runtime.getRuntime().availableProcessors());
    p.put("os", os);
    p.put("host", hostName());
    p.put("command_line", commandLine);
    if (experimentFile != null) {
      p.put("experiment_file", experimentFile.toAbsolutePath().normalize().toString());
      Map<String, Object> git = git(experimentFile.toAbsolutePath().getParent());
      if (git != null) {
        p.put("git", git);
      }
    }
    p.put("started", Instant.now().toString());
    return p;
  }

  /**
   * The record of one resumption, for {@code provenance.json}'s {@code resumed} list: when, from
   * which step, the command line, and the machine and PyTorch thread settings this leg runs with. A
   * resumed leg may run on another machine or with another thread count than the run's start, so
   * each leg records its own.
   *
   * @param commandLine the arguments as given
   * @param fromStep the step of the checkpoint training continues from (0 if there was none)
   */
  public static Map<String, Object> resumption(List<String> commandLine, int fromStep) {
    Map<String, Object> leg = new LinkedHashMap<>();
    leg.put("at", Instant.now().toString());
    leg.put("from_step", fromStep);
    leg.put("command_line", commandLine);
    leg.put("rnnlab_version", rnnlabVersion());
    leg.put("host", hostName());
    leg.put("processors", Runtime.getRuntime().availableProcessors());
    leg.putAll(threads());
    return leg;
  }

  /** PyTorch's intra- and inter-op thread settings, as the launcher passed them to DJL. */
  private static Map<String, Object> threads() {
    Map<String, Object> threads = new LinkedHashMap<>();
    threads.put("intra_op_threads", System.getProperty("ai.djl.pytorch.num_threads", "default"));
    threads.put(
        "inter_op_threads", System.getProperty("ai.djl.pytorch.num_interop_threads", "default"));
    return threads;
  }

  /**
   * The SHA-256 of each input file, for {@code provenance.json}'s {@code input_files}: per key (the
   * value's path in the spec) the absolute path and the lower-case hex digest, in the given order.
   *
   * @param files spec path to file, as {@link org.rnnlab.core.spec.FileParameters#of} gives them
   * @throws IOException if a file cannot be read
   */
  public static Map<String, Object> inputFiles(Map<String, Path> files) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Path> e : files.entrySet()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("file", e.getValue().toAbsolutePath().normalize().toString());
      entry.put("sha256", sha256(e.getValue()));
      out.put(e.getKey(), entry);
    }
    return out;
  }

  /** The lower-case hex SHA-256 of a file's bytes. */
  static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** The commit and dirtiness of the repository holding {@code dir}, or null outside git. */
  static Map<String, Object> git(Path dir) {
    String commit = run(dir, "git", "rev-parse", "HEAD");
    if (commit == null || commit.isBlank()) {
      return null;
    }
    String status = run(dir, "git", "status", "--porcelain", "--untracked-files=no");
    Map<String, Object> g = new LinkedHashMap<>();
    g.put("commit", commit.trim());
    g.put("dirty", status != null && !status.isBlank());
    return g;
  }

  private static String run(Path dir, String... command) {
    try {
      Process p =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return null;
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
