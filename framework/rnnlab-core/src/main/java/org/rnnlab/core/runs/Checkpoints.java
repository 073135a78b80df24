package org.rnnlab.core.runs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.rnnlab.core.io.JsonFiles;
import org.rnnlab.core.io.Npz;

/**
 * Checkpoints in {@code checkpoints/step-NNNNNN/}: the parameters as a portable NPZ ({@code
 * parameters.npz}) and in DJL's format ({@code parameters.ndlist}), the optimiser state ({@code
 * optimizer.npz}), {@code state.json} (step, update count) and, for a network with connectivity
 * constraints, the weights its dynamics use ({@code effective.npz}, same names as the parameters;
 * written for reading, never read back: resuming recomputes them from the parameters). Each
 * checkpoint is written into a temporary folder and renamed, so a crash never leaves a half-written
 * one.
 */
public final class Checkpoints {

  /** What a checkpoint holds once read back. */
  public record Loaded(
      int step,
      long updates,
      Map<String, Npz.Array> parameters,
      Map<String, Npz.Array> optimizer) {}

  /** The file, in a checkpoint folder, of the effective weights of a constrained network. */
  public static final String EFFECTIVE = "effective.npz";

  private final Path folder;

  public Checkpoints(Path folder) {
    this.folder = folder;
  }

  /** Writes the checkpoint of {@code step} and returns its folder. */
  public Path save(
      int step, long updates, Map<String, NDArray> parameters, Map<String, NDArray> optimizer)
      throws IOException {
    return save(step, updates, parameters, optimizer, parameters);
  }

  /**
   * Writes the checkpoint of {@code step}, plus {@code effective.npz} with the weights the
   * network's dynamics use ({@link org.rnnlab.api.model.RecurrentNetwork#effectiveParameters}) when
   * any of them is not the parameter array itself (a network with connectivity constraints), and
   * returns its folder.
   */
  public Path save(
      int step,
      long updates,
      Map<String, NDArray> parameters,
      Map<String, NDArray> optimizer,
      Map<String, NDArray> effective)
      throws IOException {
    String name = String.format("step-%06d", step);
    Path target = folder.resolve(name);
    Path tmp = folder.resolve("." + name + ".tmp");
    if (Files.exists(tmp)) {
      deleteTree(tmp);
    }
    Files.createDirectories(tmp);
    Npz.writeArrays(tmp.resolve("parameters.npz"), parameters);
    Npz.writeArrays(tmp.resolve("optimizer.npz"), optimizer);
    boolean constrained = false;
    for (Map.Entry<String, NDArray> e : effective.entrySet()) {
      constrained |= e.getValue() != parameters.get(e.getKey());
    }
    if (constrained) {
      Npz.writeArrays(tmp.resolve(EFFECTIVE), effective);
    }
    NDList list = new NDList();
    parameters.forEach(
        (k, v) -> {
          NDArray copy = v.duplicate();
          copy.setName(k);
          list.add(copy);
        });
    try (OutputStream os = Files.newOutputStream(tmp.resolve("parameters.ndlist"))) {
      list.encode(os);
    } finally {
      list.close();
    }
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("step", step);
    state.put("updates", updates);
    state.put("parameters", List.copyOf(parameters.keySet()));
    JsonFiles.write(tmp.resolve("state.json"), state);
    if (Files.exists(target)) {
      deleteTree(target);
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    return target;
  }

  /** The checkpoint with the highest step, if any. */
  public Optional<Path> latest() throws IOException {
    List<Path> all = all();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /**
   * Every complete checkpoint ({@code step-NNNNNN} with its {@code state.json}; not one still being
   * written), in step order.
   */
  public List<Path> all() throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> p.getFileName().toString().matches("step-\\d+"))
          .filter(p -> Files.isRegularFile(p.resolve("state.json")))
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    }
  }

  /**
   * Reads a checkpoint folder to continue training from it: its step, update count, parameters and
   * optimiser state.
   *
   * @throws IOException if a file cannot be read; a missing {@code optimizer.npz} (a checkpoint
   *     kept only to be analysed) is named as such
   */
  public static Loaded load(Path checkpoint) throws IOException {
    Path optimizer = checkpoint.resolve("optimizer.npz");
    if (!Files.isRegularFile(optimizer)) {
      throw new NoSuchFileException(
          optimizer.toString(),
          null,
          "training cannot continue from this checkpoint without the optimiser state it was saved"
              + " with; it can still be analysed (rnnlab analyze)");
    }
    Loaded parameters = loadParameters(checkpoint);
    return new Loaded(
        parameters.step(), parameters.updates(), parameters.parameters(), Npz.read(optimizer));
  }

  /**
   * Reads what analysing a checkpoint needs: its step, update count and parameters. {@code
   * optimizer.npz} is not read and need not exist, so a published network may be kept without it.
   *
   * @return the checkpoint with an empty {@link Loaded#optimizer()}
   */
  public static Loaded loadParameters(Path checkpoint) throws IOException {
    Map<String, Object> state = JsonFiles.read(checkpoint.resolve("state.json"));
    return new Loaded(
        ((Number) state.get("step")).intValue(),
        ((Number) state.get("updates")).longValue(),
        Npz.read(checkpoint.resolve("parameters.npz")),
        Map.of());
  }

  /**
   * Copies checkpointed values into the network's parameter arrays, in place.
   *
   * @throws IOException if a parameter is missing or has another shape (the run's model changed)
   */
  public static void restoreInto(Map<String, NDArray> parameters, Map<String, Npz.Array> saved)
      throws IOException {
    for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
      Npz.Array a = saved.get(e.getKey());
      if (a == null) {
        throw new IOException("checkpoint has no parameter '" + e.getKey() + "'");
      }
      if (!java.util.Arrays.equals(a.shape(), e.getValue().getShape().getShape())) {
        throw new IOException(
            "checkpoint parameter '"
                + e.getKey()
                + "' has shape "
                + java.util.Arrays.toString(a.shape())
                + ", the model has "
                + e.getValue().getShape());
      }
      e.getValue().set(a.floats());
    }
  }

  private static void deleteTree(Path p) throws IOException {
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }
}
