package org.rnnlab.core.experiment;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.rnnlab.api.model.RecurrentNetwork;
import org.rnnlab.api.spec.ExperimentSpec;
import org.rnnlab.api.task.TaskInstance;
import org.rnnlab.core.io.JsonFiles;
import org.rnnlab.core.plugins.ComponentCatalog;
import org.rnnlab.core.random.SeedStreams;
import org.rnnlab.core.runs.Checkpoints;
import org.rnnlab.core.runs.RunFolder;
import org.rnnlab.core.runs.SpecYaml;
import org.rnnlab.core.spec.SpecResolver;

/**
 * A run reopened from its folder: its resolved spec, its seeds, and its network with the parameters
 * of its last checkpoint (a finished run) or of a named one (any run).
 */
public final class TrainedRun {

  private final RunFolder folder;
  private final ExperimentSpec spec;
  private final SeedStreams seeds;
  private final RunComponents components;
  private final RecurrentNetwork network;
  private final int checkpointStep;

  private TrainedRun(
      RunFolder folder,
      ExperimentSpec spec,
      SeedStreams seeds,
      RunComponents components,
      RecurrentNetwork network,
      int checkpointStep) {
    this.folder = folder;
    this.spec = spec;
    this.seeds = seeds;
    this.components = components;
    this.network = network;
    this.checkpointStep = checkpointStep;
  }

  /**
   * Reopens the finished run in {@code dir} with the parameters of its last checkpoint.
   *
   * @param manager owns the network's arrays
   * @throws RunInputException if {@code dir} is not a run folder, the run did not complete (its
   *     summary says stopped or diverged), or it has no checkpoint
   * @throws org.rnnlab.api.spec.SpecException if its spec.yaml names components no loaded plugin
   *     provides
   * @throws IOException if its files cannot be read
   */
  public static TrainedRun open(Path dir, ComponentCatalog catalog, NDManager manager)
      throws IOException {
    RunFolder folder = folder(dir);
    Object status =
        Files.exists(folder.summary()) ? JsonFiles.read(folder.summary()).get("status") : null;
    if (!"completed".equals(status)) {
      throw new RunInputException(
          dir
              + " has not completed training (status "
              + (status == null ? "unknown: no summary.json" : status)
              + "); only finished runs can be analysed or compared"
              + ("stopped".equals(status)
                  ? " (finish it with rnnlab run --resume " + dir + ")"
                  : "")
              + "; to look at one checkpoint of it, use rnnlab analyze --checkpoint NAME --out DIR");
    }
    Optional<Path> checkpoint = new Checkpoints(folder.checkpoints()).latest();
    if (checkpoint.isEmpty()) {
      throw new RunInputException(dir + " has no checkpoint in " + folder.checkpoints());
    }
    return open(folder, checkpoint.get(), catalog, manager);
  }

  /**
   * Reopens the run in {@code dir}, finished or not (still training, stopped), with the parameters
   * of one of its checkpoints.
   *
   * @param checkpointName a folder name in {@code checkpoints/}, such as {@code step-012000}
   * @param manager owns the network's arrays
   * @throws RunInputException if {@code dir} is not a run folder or has no such checkpoint (the
   *     message lists the ones it has)
   * @throws org.rnnlab.api.spec.SpecException if its spec.yaml names components no loaded plugin
   *     provides
   * @throws IOException if its files cannot be read
   */
  public static TrainedRun openAt(
      Path dir, String checkpointName, ComponentCatalog catalog, NDManager manager)
      throws IOException {
    RunFolder folder = folder(dir);
    List<Path> checkpoints = new Checkpoints(folder.checkpoints()).all();
    Path checkpoint = folder.checkpoints().resolve(checkpointName);
    if (!checkpoints.contains(checkpoint)) {
      throw new RunInputException(
          dir
              + " has no checkpoint '"
              + checkpointName
              + "'; its checkpoints are "
              + checkpoints.stream().map(p -> p.getFileName().toString()).toList());
    }
    return open(folder, checkpoint, catalog, manager);
  }

  private static RunFolder folder(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new RunInputException("no run folder at " + dir);
    }
    try {
      return RunFolder.open(dir);
    } catch (IOException e) {
      throw new RunInputException(e.getMessage());
    }
  }

  private static TrainedRun open(
      RunFolder folder, Path checkpoint, ComponentCatalog catalog, NDManager manager)
      throws IOException {
    String text = Files.readString(folder.spec(), StandardCharsets.UTF_8);
    ExperimentSpec spec =
        new SpecResolver(catalog).resolve(SpecYaml.read(folder.spec().toString(), text));
    SeedStreams seeds = new SeedStreams(spec.seed());
    RunComponents components = new RunComponents(catalog);
    TaskInstance task = components.task(spec.task());
    RecurrentNetwork network = components.network(spec.model(), task, seeds, manager);
    Checkpoints.Loaded loaded = Checkpoints.loadParameters(checkpoint);
    Checkpoints.restoreInto(network.parameters(), loaded.parameters());
    return new TrainedRun(folder, spec, seeds, components, network, loaded.step());
  }

  public RunFolder folder() {
    return folder;
  }

  public ExperimentSpec spec() {
    return spec;
  }

  public SeedStreams seeds() {
    return seeds;
  }

  /** The training step of the checkpoint whose parameters the network holds. */
  public int checkpointStep() {
    return checkpointStep;
  }

  /** The trained network. */
  public RecurrentNetwork network() {
    return network;
  }

  /** A new, independent instance of the run's task. */
  public TaskInstance newTask() {
    return components.task(spec.task());
  }
}
