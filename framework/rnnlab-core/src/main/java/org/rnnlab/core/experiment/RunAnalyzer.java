package org.rnnlab.core.experiment;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnnlab.api.analysis.Analysis;
import org.rnnlab.api.spec.ComponentSpec;
import org.rnnlab.api.task.TaskInstance;
import org.rnnlab.core.evaluation.Evaluator;
import org.rnnlab.core.io.JsonFiles;
import org.rnnlab.core.plugins.ComponentCatalog;
import org.rnnlab.core.plugins.ComponentKind;
import org.rnnlab.core.report.ReportWriter;
import org.rnnlab.core.runs.Provenance;

/**
 * Runs analyses on a finished run after the fact ({@code rnnlab analyze}), as if the run's script
 * had listed them: the same network, the same evaluation trials, the same analysis seed streams.
 *
 * <p>Each analysis writes into {@code analysis/<id>/}, which must not hold files yet (nothing a run
 * wrote is replaced). The run's {@code provenance.json} gains a {@code post_hoc_analyses} entry
 * (ids, parameters, time, command line) and {@code report.html} is rendered again to show the new
 * outputs; {@code summary.json} and everything else are left as training wrote them.
 */
public final class RunAnalyzer {

  private final ComponentCatalog catalog;

  public RunAnalyzer(ComponentCatalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Runs {@code analyses} on the run in {@code runDir}.
   *
   * @return each analysis's metrics by id
   * @throws RunInputException if the folder is not a finished run, or an analysis folder already
   *     holds files
   * @throws AnalysisFailedException if an analysis failed; the others were written, and the failed
   *     one's folder holds {@code error.txt}
   * @throws IOException if files cannot be read or written
   */
  public Map<String, Object> analyze(
      Path runDir, List<ComponentSpec> analyses, List<String> commandLine) throws IOException {
    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      TrainedRun run = TrainedRun.open(runDir, catalog, manager);
      for (ComponentSpec a : analyses) {
        Path out = run.folder().root().resolve("analysis").resolve(a.id());
        if (Files.isDirectory(out)) {
          try (var entries = Files.list(out)) {
            if (entries.findAny().isPresent()) {
              throw new RunInputException(
                  out
                      + " already holds this analysis's outputs; nothing a run wrote is replaced"
                      + " (move or delete that folder to run it again)");
            }
          }
        }
      }
      List<String> failures = new ArrayList<>();
      Map<String, Object> results =
          runAll(run, analyses, run.folder().root().resolve("analysis"), manager, failures);
      recordInProvenance(run, analyses, commandLine, failures);
      ReportWriter.write(run.folder().root());
      if (!failures.isEmpty()) {
        throw new AnalysisFailedException(run.folder().root(), failures);
      }
      return results;
    }
  }

  /**
   * Runs {@code analyses} on one checkpoint of the run in {@code runDir}, finished or still
   * training, into {@code outDir} (new or empty): {@code <id>/} per analysis and {@code
   * analysis.json} (the run, the checkpoint and its step, the analyses and their parameters, the
   * command line, versions and time). The run's folder is only read.
   *
   * @return each analysis's metrics by id
   * @throws RunInputException if the folder is not a run, has no such checkpoint, or {@code outDir}
   *     is a file or holds files
   * @throws AnalysisFailedException if an analysis failed; the others were written, and the failed
   *     one's folder holds {@code error.txt}
   * @throws IOException if files cannot be read or written
   */
  public Map<String, Object> analyzeCheckpoint(
      Path runDir,
      String checkpoint,
      Path outDir,
      List<ComponentSpec> analyses,
      List<String> commandLine,
      Map<String, String> pluginVersions)
      throws IOException {
    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      TrainedRun run = TrainedRun.openAt(runDir, checkpoint, catalog, manager);
      Path out = OutFolder.newOrEmpty(outDir);
      Map<String, Object> record = new LinkedHashMap<>();
      record.put("run", runDir.toAbsolutePath().normalize().toString());
      record.put("experiment", run.spec().name());
      record.put("checkpoint", checkpoint);
      record.put("step", run.checkpointStep());
      record.put("analyses", describe(analyses));
      record.put(
          "provenance",
          Provenance.start(null, commandLine, pluginVersions, run.seeds().describe()));
      List<String> failures = new ArrayList<>();
      Map<String, Object> results = runAll(run, analyses, out, manager, failures);
      record.put("metrics", results);
      if (!failures.isEmpty()) {
        record.put("errors", failures);
      }
      record.put("finished", Instant.now().toString());
      JsonFiles.write(out.resolve("analysis.json"), record);
      if (!failures.isEmpty()) {
        throw new AnalysisFailedException(out, failures);
      }
      return results;
    }
  }

  /**
   * Runs each analysis into {@code parent/<id>/} on the run's own evaluation trials and analysis
   * seed streams; a failure is recorded in that folder and in {@code failures}, and the others
   * still run.
   */
  private Map<String, Object> runAll(
      TrainedRun run,
      List<ComponentSpec> analyses,
      Path parent,
      NDManager manager,
      List<String> failures)
      throws IOException {
    TaskInstance task = run.newTask();
    Evaluator evaluator = new Evaluator(task, run.network(), run.seeds(), manager);
    Map<String, Object> results = new LinkedHashMap<>();
    for (ComponentSpec a : analyses) {
      Path out = Files.createDirectories(parent.resolve(a.id()));
      Analysis analysis = (Analysis) catalog.lookup(ComponentKind.ANALYSIS, a.id()).orElseThrow();
      try (NDManager m = manager.newSubManager()) {
        RunAnalysisContext context =
            new RunAnalysisContext(
                task, run.network(), evaluator, run.seeds().stream("analysis/" + a.id()), m, out);
        analysis.run(a.parameters(), context);
        results.put(a.id(), context.metrics());
      } catch (RuntimeException | IOException e) {
        failures.add(AnalysisFailedException.record(a.id(), e, out));
      }
    }
    return results;
  }

  /** Each analysis's id and parameters, as recorded. */
  private static List<Object> describe(List<ComponentSpec> analyses) {
    List<Object> specs = new ArrayList<>();
    for (ComponentSpec a : analyses) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("id", a.id());
      entry.put("parameters", a.parameters().asMap());
      specs.add(entry);
    }
    return specs;
  }

  private static void recordInProvenance(
      TrainedRun run, List<ComponentSpec> analyses, List<String> commandLine, List<String> failures)
      throws IOException {
    Path file = run.folder().provenance();
    Map<String, Object> provenance =
        Files.exists(file) ? JsonFiles.read(file) : new LinkedHashMap<>();
    @SuppressWarnings("unchecked")
    List<Object> entries =
        new ArrayList<>((List<Object>) provenance.getOrDefault("post_hoc_analyses", List.of()));
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("at", Instant.now().toString());
    entry.put("command_line", commandLine);
    entry.put("analyses", describe(analyses));
    if (!failures.isEmpty()) {
      entry.put("errors", failures);
    }
    entries.add(entry);
    provenance.put("post_hoc_analyses", entries);
    JsonFiles.write(file, provenance);
  }
}
