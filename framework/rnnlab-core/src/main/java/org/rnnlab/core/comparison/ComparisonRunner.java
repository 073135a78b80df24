package org.rnnlab.core.comparison;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnnlab.api.analysis.Evaluation;
import org.rnnlab.api.comparison.ComparedRun;
import org.rnnlab.api.comparison.Comparison;
import org.rnnlab.api.model.RecurrentNetwork;
import org.rnnlab.api.spec.ComponentSpec;
import org.rnnlab.api.task.TaskInstance;
import org.rnnlab.core.evaluation.Evaluator;
import org.rnnlab.core.experiment.AnalysisFailedException;
import org.rnnlab.core.experiment.OutFolder;
import org.rnnlab.core.experiment.RunInputException;
import org.rnnlab.core.experiment.TrainedRun;
import org.rnnlab.core.io.JsonFiles;
import org.rnnlab.core.plugins.ComponentCatalog;
import org.rnnlab.core.plugins.ComponentKind;
import org.rnnlab.core.runs.Provenance;

/**
 * Runs comparisons between two finished runs ({@code rnnlab compare}) into a new folder.
 *
 * <p>Both networks see the same trials: the evaluation stream of the first run (its task, its seed,
 * its evaluation noise), as if the second network had been evaluated inside the first run. The
 * tasks must have the same input and output channels and the same dt.
 *
 * <p>The folder holds {@code comparison.json} (the two runs, the trials' origin, the comparisons
 * and their parameters, versions, times), {@code summary.json} (each comparison's metrics) and one
 * sub-folder per comparison with what it wrote.
 */
public final class ComparisonRunner {

  /**
   * What to compare and where to write.
   *
   * @param comparisons the comparison ids with their bound parameters, in order
   * @param out the exact folder to write ({@code --out}, new or empty), or null for {@code
   *     root/<first>-vs-<second>/<yyyyMMdd-HHmmss>}
   * @param root where new comparison folders go
   * @param commandLine recorded in {@code comparison.json}
   */
  public record Request(
      List<ComponentSpec> comparisons, Path out, Path root, List<String> commandLine) {
    public Request {
      comparisons = List.copyOf(comparisons);
      commandLine = List.copyOf(commandLine);
    }
  }

  /** The folder written and the summary (each comparison's metrics by id). */
  public record Result(Path folder, Map<String, Object> summary) {}

  private final ComponentCatalog catalog;
  private final Map<String, String> pluginVersions;

  public ComparisonRunner(ComponentCatalog catalog, Map<String, String> pluginVersions) {
    this.catalog = catalog;
    this.pluginVersions = new LinkedHashMap<>(pluginVersions);
  }

  /**
   * Compares the runs in {@code firstDir} and {@code secondDir}.
   *
   * @throws RunInputException if a folder is not a finished run or the tasks differ in channels or
   *     dt
   * @throws AnalysisFailedException if a comparison failed; everything else was written, and the
   *     failed one's folder holds {@code error.txt}
   * @throws IOException if files cannot be read or written
   */
  public Result compare(Path firstDir, Path secondDir, Request request) throws IOException {
    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      TrainedRun first = TrainedRun.open(firstDir, catalog, manager);
      TrainedRun second = TrainedRun.open(secondDir, catalog, manager);
      TaskInstance taskA = first.newTask();
      TaskInstance taskB = second.newTask();
      checkSameChannels(firstDir, taskA, secondDir, taskB);
      String[] names = names(first, second);
      Path folder = createFolder(request, names);

      Map<String, Object> record = new LinkedHashMap<>();
      record.put("runs", List.of(describe(names[0], first), describe(names[1], second)));
      Map<String, Object> trials = new LinkedHashMap<>();
      trials.put("task_of", names[0]);
      trials.put("task", first.spec().task().id());
      trials.put("seed", first.spec().seed());
      record.put("evaluation_trials", trials);
      List<Object> comparisons = new ArrayList<>();
      for (ComponentSpec c : request.comparisons()) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", c.id());
        entry.put("parameters", c.parameters().asMap());
        comparisons.add(entry);
      }
      record.put("comparisons", comparisons);
      record.put(
          "provenance",
          Provenance.start(null, request.commandLine(), pluginVersions, first.seeds().describe()));
      JsonFiles.write(folder.resolve("comparison.json"), record);

      // The second network runs the first run's trials, noise and all.
      Evaluator evaluatorA = new Evaluator(taskA, first.network(), first.seeds(), manager);
      Evaluator evaluatorB =
          new Evaluator(first.newTask(), second.network(), first.seeds(), manager);
      ComparedRun runA = compared(names[0], first.network(), evaluatorA);
      ComparedRun runB = compared(names[1], second.network(), evaluatorB);

      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("first", names[0]);
      summary.put("second", names[1]);
      List<String> failures = new ArrayList<>();
      for (ComponentSpec c : request.comparisons()) {
        Comparison comparison =
            (Comparison) catalog.lookup(ComponentKind.COMPARISON, c.id()).orElseThrow();
        Path out = Files.createDirectories(folder.resolve(c.id()));
        try (NDManager m = manager.newSubManager()) {
          RunComparisonContext context =
              new RunComparisonContext(
                  runA, runB, taskA, first.seeds().stream("comparison/" + c.id()), m, out);
          comparison.run(c.parameters(), context);
          summary.put(c.id(), context.metrics());
        } catch (RuntimeException | IOException e) {
          failures.add(AnalysisFailedException.record(c.id(), e, out));
        }
      }
      summary.put("status", failures.isEmpty() ? "completed" : "failed");
      if (!failures.isEmpty()) {
        summary.put("errors", failures);
      }
      JsonFiles.write(folder.resolve("summary.json"), summary);
      record.put("finished", Instant.now().toString());
      JsonFiles.write(folder.resolve("comparison.json"), record);
      if (!failures.isEmpty()) {
        throw new AnalysisFailedException(folder, failures);
      }
      return new Result(folder, summary);
    }
  }

  private static ComparedRun compared(String name, RecurrentNetwork network, Evaluator evaluator) {
    return new ComparedRun() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public RecurrentNetwork network() {
        return network;
      }

      @Override
      public Evaluation evaluate(int trials) {
        return evaluator.evaluate(trials);
      }
    };
  }

  private static void checkSameChannels(
      Path firstDir, TaskInstance a, Path secondDir, TaskInstance b) {
    if (!a.inputChannels().equals(b.inputChannels())
        || !a.outputChannels().equals(b.outputChannels())) {
      throw new RunInputException(
          "the two runs' tasks differ, so their networks cannot run the same trials: "
              + firstDir
              + " has inputs "
              + a.inputChannels()
              + " and outputs "
              + a.outputChannels()
              + ", "
              + secondDir
              + " has inputs "
              + b.inputChannels()
              + " and outputs "
              + b.outputChannels());
    }
    if (a.dtMs() != b.dtMs()) {
      throw new RunInputException(
          "the two runs' tasks have different time steps ("
              + a.dtMs()
              + " ms in "
              + firstDir
              + ", "
              + b.dtMs()
              + " ms in "
              + secondDir
              + "); compare runs trained at the same dt");
    }
  }

  /** Experiment names, or folder names where the experiments share a name. */
  private static String[] names(TrainedRun first, TrainedRun second) {
    String a = first.spec().name();
    String b = second.spec().name();
    if (a.equals(b)) {
      a = a + "@" + first.folder().id();
      b = b + "@" + second.folder().id();
    }
    if (a.equals(b)) {
      a = a + "#1";
      b = b + "#2";
    }
    return new String[] {a, b};
  }

  private static Map<String, Object> describe(String name, TrainedRun run) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    out.put("folder", run.folder().root().toString());
    out.put("experiment", run.spec().name());
    out.put("seed", run.spec().seed());
    out.put("model", run.spec().model().id());
    out.put("task", run.spec().task().id());
    return out;
  }

  private static Path createFolder(Request request, String[] names) throws IOException {
    if (request.out() != null) {
      return OutFolder.newOrEmpty(request.out());
    }
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path parent = request.root().resolve(safe(names[0]) + "-vs-" + safe(names[1]));
    Path root = parent.resolve(stamp).toAbsolutePath().normalize();
    for (int i = 2; Files.exists(root); i++) {
      root = parent.resolve(stamp + "-" + i).toAbsolutePath().normalize();
    }
    return Files.createDirectories(root);
  }

  private static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
