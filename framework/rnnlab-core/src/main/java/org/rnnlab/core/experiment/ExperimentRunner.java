package org.rnnlab.core.experiment;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rnnlab.api.analysis.Analysis;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.loss.Loss;
import org.rnnlab.api.loss.LossContext;
import org.rnnlab.api.model.Model;
import org.rnnlab.api.model.RecurrentNetwork;
import org.rnnlab.api.spec.ComponentSpec;
import org.rnnlab.api.spec.ExperimentSpec;
import org.rnnlab.api.spec.LossSpec;
import org.rnnlab.api.spec.SourceLocation;
import org.rnnlab.api.spec.SpecException;
import org.rnnlab.api.task.TaskInstance;
import org.rnnlab.core.evaluation.Evaluator;
import org.rnnlab.core.io.JsonFiles;
import org.rnnlab.core.plugins.ComponentCatalog;
import org.rnnlab.core.plugins.ComponentKind;
import org.rnnlab.core.random.SeedStreams;
import org.rnnlab.core.report.LossCurve;
import org.rnnlab.core.report.ReportWriter;
import org.rnnlab.core.runs.Checkpoints;
import org.rnnlab.core.runs.MetricsLog;
import org.rnnlab.core.runs.Provenance;
import org.rnnlab.core.runs.RunFolder;
import org.rnnlab.core.runs.SpecYaml;
import org.rnnlab.core.spec.FileParameters;
import org.rnnlab.core.spec.SpecResolver;
import org.rnnlab.core.training.LossTerm;
import org.rnnlab.core.training.RunLossContext;
import org.rnnlab.core.training.Trainer;
import org.rnnlab.core.training.TrainingDivergedException;
import org.rnnlab.core.training.TrainingListener;
import org.rnnlab.core.training.TrialBatches;

/**
 * Runs an experiment from resolved spec to finished run folder: builds the components, trains,
 * records the evaluation trials, runs the analyses and writes the summary, the loss curve and the
 * report. Also continues a stopped run ({@link #resume}).
 */
public final class ExperimentRunner {

  /**
   * How to run.
   *
   * @param runsRoot where new run folders go ({@code runs/} by default)
   * @param out the exact run folder ({@code --out}), or null
   * @param stopAfterStep stop training after this step as if interrupted, or {@link
   *     Integer#MAX_VALUE}
   * @param listener progress reporting
   * @param experimentFile the script, for provenance; may be null
   * @param commandLine the arguments as given, for provenance
   */
  public record Options(
      Path runsRoot,
      Path out,
      int stopAfterStep,
      TrainingListener listener,
      Path experimentFile,
      List<String> commandLine) {}

  /**
   * A finished (or stopped) run.
   *
   * @param folder the run folder
   * @param summary what {@code summary.json} holds
   */
  public record Result(RunFolder folder, Map<String, Object> summary) {
    public boolean completed() {
      return "completed".equals(summary.get("status"));
    }
  }

  private final ComponentCatalog catalog;
  private final Map<String, String> pluginVersions;

  public ExperimentRunner(ComponentCatalog catalog, Map<String, String> pluginVersions) {
    this.catalog = catalog;
    this.pluginVersions =
        java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pluginVersions));
  }

  /**
   * Runs a new experiment into a new run folder.
   *
   * @throws IOException if the run folder cannot be created (for example {@code --out} is not
   *     empty) or written
   * @throws TrainingDivergedException if training diverged; the folder keeps the last good
   *     checkpoint, the metrics so far, a summary with status {@code diverged} and a report
   * @throws AnalysisFailedException if an analysis failed; everything else was written
   */
  public Result run(ExperimentSpec spec, Options options) throws IOException {
    checkComponentsAccept(
        spec,
        options.experimentFile() == null
            ? "the experiment"
            : options.experimentFile().getFileName().toString());
    String specYaml = SpecYaml.write(spec.tree());
    RunFolder folder = RunFolder.create(options.runsRoot(), options.out(), spec.name(), specYaml);
    Files.writeString(folder.spec(), specYaml, StandardCharsets.UTF_8);
    SeedStreams seeds = new SeedStreams(spec.seed());
    Map<String, Object> provenance =
        Provenance.start(
            options.experimentFile(), options.commandLine(), pluginVersions, seeds.describe());
    Map<String, Path> files = FileParameters.of(spec, catalog);
    if (!files.isEmpty()) {
      provenance.put("input_files", Provenance.inputFiles(files));
    }
    JsonFiles.write(folder.provenance(), provenance);
    return execute(spec, folder, seeds, provenance, options, false);
  }

  /**
   * Continues a run stopped before its last step, from its latest checkpoint, to the same final
   * weights as an uninterrupted run.
   *
   * @throws IOException if {@code runDir} is not a run folder or cannot be written
   * @throws IllegalStateException if the run already finished
   */
  public Result resume(Path runDir, Options options) throws IOException {
    RunFolder folder = RunFolder.open(runDir);
    String text = Files.readString(folder.spec(), StandardCharsets.UTF_8);
    ExperimentSpec spec =
        new SpecResolver(catalog).resolve(SpecYaml.read(folder.spec().toString(), text));
    if (Files.exists(folder.summary())) {
      Object status = JsonFiles.read(folder.summary()).get("status");
      if ("completed".equals(status)) {
        throw new IllegalStateException(
            runDir + " already finished all " + spec.training().steps() + " steps");
      }
    }
    SeedStreams seeds = new SeedStreams(spec.seed());
    Map<String, Object> provenance =
        Files.exists(folder.provenance())
            ? JsonFiles.read(folder.provenance())
            : Provenance.start(
                options.experimentFile(), options.commandLine(), pluginVersions, seeds.describe());
    return execute(spec, folder, seeds, provenance, options, true);
  }

  private Result execute(
      ExperimentSpec spec,
      RunFolder folder,
      SeedStreams seeds,
      Map<String, Object> provenance,
      Options options,
      boolean resume)
      throws IOException {
    TaskInstance task = createTask(spec.task());
    List<LossTerm> terms = createLosses(spec.losses());
    List<String> termNames = terms.stream().map(LossTerm::name).toList();
    try (NDManager runManager = Engine.getInstance().newBaseManager()) {
      RecurrentNetwork network = createNetwork(spec.model(), task, seeds, runManager);
      // The functions that train are checked too (the experiment check used copies), so a term
      // may keep what its check resolves, such as class indices by output name.
      LossContext lossContext = new RunLossContext(task, network);
      for (LossTerm term : terms) {
        term.function().check(lossContext);
      }
      Checkpoints checkpoints = new Checkpoints(folder.checkpoints());
      Trainer trainer =
          new Trainer(spec.training(), task, network, terms, seeds, runManager, checkpoints);
      int firstStep = 0;
      MetricsLog metrics;
      if (resume) {
        Optional<Path> latest = checkpoints.latest();
        if (latest.isPresent()) {
          Checkpoints.Loaded loaded = Checkpoints.load(latest.get());
          Checkpoints.restoreInto(network.parameters(), loaded.parameters());
          Map<String, ai.djl.ndarray.NDArray> state = new LinkedHashMap<>();
          try (NDManager scratch = runManager.newSubManager()) {
            loaded.optimizer().forEach((k, v) -> state.put(k, v.toNdArray(scratch)));
            trainer.optimizer().restore(state, loaded.updates());
          }
          firstStep = loaded.step();
        }
        metrics = MetricsLog.resume(folder.metrics(), termNames, firstStep);
        @SuppressWarnings("unchecked")
        List<Object> resumes =
            new ArrayList<>((List<Object>) provenance.getOrDefault("resumed", List.of()));
        resumes.add(Provenance.resumption(options.commandLine(), firstStep));
        provenance.put("resumed", resumes);
        JsonFiles.write(folder.provenance(), provenance);
      } else {
        metrics = MetricsLog.create(folder.metrics(), termNames);
      }

      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("experiment", spec.name());
      summary.put("run_id", folder.id());
      summary.put("seed", spec.seed());
      Trainer.Outcome outcome;
      try (metrics) {
        outcome = trainer.train(firstStep, options.stopAfterStep(), metrics, options.listener());
      } catch (TrainingDivergedException e) {
        summary.put("status", "diverged");
        summary.put("error", e.getMessage());
        summary.put("steps", e.step() - 1);
        finish(folder, summary, provenance);
        throw e;
      }
      summary.put("status", outcome.completed() ? "completed" : "stopped");
      summary.put("steps", outcome.lastStep());
      summary.putAll(lossSummary(folder.metrics()));
      summary.put("ms_per_step", outcome.msPerStep());
      if (!outcome.completed()) {
        summary.put("resume_with", "rnnlab run --resume " + folder.root());
        finish(folder, summary, provenance);
        return new Result(folder, summary);
      }

      Evaluator evaluator = new Evaluator(task, network, seeds, runManager);
      evaluator.record(spec.evaluationTrials(), Files.createDirectories(folder.evaluation()));
      List<String> failures = new ArrayList<>();
      for (ComponentSpec a : spec.analyses()) {
        Path out = folder.analysis(a.id());
        Analysis analysis = (Analysis) catalog.lookup(ComponentKind.ANALYSIS, a.id()).orElseThrow();
        try (NDManager m = runManager.newSubManager()) {
          RunAnalysisContext context =
              new RunAnalysisContext(
                  task, network, evaluator, seeds.stream("analysis/" + a.id()), m, out);
          analysis.run(a.parameters(), context);
          context
              .metrics()
              .forEach(
                  (k, v) -> {
                    if (v instanceof Number && !summary.containsKey(k)) {
                      summary.put(k, v);
                    }
                  });
        } catch (RuntimeException | IOException e) {
          failures.add(AnalysisFailedException.record(a.id(), e, out));
        }
      }
      if (!failures.isEmpty()) {
        summary.put("analysis_errors", failures);
      }
      finish(folder, summary, provenance);
      if (!failures.isEmpty()) {
        throw new AnalysisFailedException(folder.root(), failures);
      }
      return new Result(folder, summary);
    }
  }

  private void finish(RunFolder folder, Map<String, Object> summary, Map<String, Object> provenance)
      throws IOException {
    JsonFiles.write(folder.summary(), summary);
    provenance.put("finished", Instant.now().toString());
    provenance.put("status", summary.get("status"));
    JsonFiles.write(folder.provenance(), provenance);
    if (Files.exists(folder.metrics())) {
      LossCurve.write(folder.metrics(), folder.lossCurve());
    }
    ReportWriter.write(folder.root());
  }

  /** final_loss (last step) and final_loss_mean_last_100 from metrics.csv. */
  static Map<String, Object> lossSummary(Path metricsCsv) throws IOException {
    List<String> lines = Files.readAllLines(metricsCsv, StandardCharsets.UTF_8);
    Map<String, Object> out = new LinkedHashMap<>();
    List<Double> losses = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] cells = lines.get(i).split(",");
      if (cells.length > 1) {
        losses.add(Double.parseDouble(cells[1]));
      }
    }
    if (losses.isEmpty()) {
      return out;
    }
    out.put("final_loss", losses.get(losses.size() - 1));
    int n = Math.min(100, losses.size());
    double sum = 0;
    for (int i = losses.size() - n; i < losses.size(); i++) {
      sum += losses.get(i);
    }
    out.put("final_loss_mean_last_100", sum / n);
    return out;
  }

  /**
   * Builds every component once, before anything is written, so that values a component rejects
   * (for example a time constant shorter than the time step) are reported as bad input. Also checks
   * that a task giving initial conditions is batched by trials and meets a model whose encoder
   * reads initial conditions of that size, and lets each loss term check the task and model.
   *
   * @throws SpecException naming the component and its reason
   */
  private void checkComponentsAccept(ExperimentSpec spec, String source) {
    TaskInstance task;
    try {
      task = createTask(spec.task());
    } catch (IllegalArgumentException e) {
      throw new SpecException(
          SourceLocation.ofPath(source, "task"),
          "task '" + spec.task().id() + "' rejected its parameters: " + e.getMessage());
    }
    List<LossTerm> terms = new ArrayList<>();
    for (int i = 0; i < spec.losses().size(); i++) {
      try {
        terms.addAll(createLosses(List.of(spec.losses().get(i))));
      } catch (IllegalArgumentException e) {
        throw new SpecException(
            SourceLocation.ofPath(source, "loss[" + i + "]"),
            "loss '"
                + spec.losses().get(i).component().id()
                + "' rejected its parameters: "
                + e.getMessage());
      }
    }
    int initialConditionSize = RunComponents.initialConditionSize(task);
    if (initialConditionSize > 0 && !spec.training().batching().equals("trials")) {
      throw new SpecException(
          SourceLocation.ofPath(source, "train.batching"),
          TrialBatches.streamRefusal("task '" + spec.task().id() + "'"));
    }
    try (NDManager scratch = Engine.getInstance().newBaseManager()) {
      RecurrentNetwork network;
      try {
        network = createNetwork(spec.model(), task, new SeedStreams(spec.seed()), scratch);
      } catch (IllegalArgumentException e) {
        throw new SpecException(
            SourceLocation.ofPath(source, "model"),
            "model '" + spec.model().id() + "' rejected its parameters: " + e.getMessage());
      }
      if (network.initialConditionSize() != initialConditionSize) {
        throw new SpecException(
            SourceLocation.ofPath(source, "model"),
            encoderMismatch(spec, initialConditionSize, network.initialConditionSize()));
      }
      // Each term sees the task and the model before training: periods it weighs, parameters it
      // penalises, the kind of target it needs.
      LossContext context = new RunLossContext(task, network);
      for (int i = 0; i < terms.size(); i++) {
        try {
          terms.get(i).function().check(context);
        } catch (IllegalArgumentException e) {
          throw new SpecException(
              SourceLocation.ofPath(source, "loss[" + i + "]"),
              "loss '"
                  + spec.losses().get(i).component().id()
                  + "' cannot be used here: "
                  + e.getMessage());
        }
      }
    }
  }

  /** Why the model cannot start the task's trials, and what to set. */
  private String encoderMismatch(ExperimentSpec spec, int taskSize, int networkSize) {
    String model = "model '" + spec.model().id() + "'";
    String task = "task '" + spec.task().id() + "'";
    if (networkSize == 0) {
      Model component =
          (Model) catalog.lookup(ComponentKind.MODEL, spec.model().id()).orElseThrow();
      boolean offersEncoder =
          component.parameters().stream().anyMatch(p -> p.name().equals(ENCODER_PARAMETER));
      return model
          + " has no encoder, but "
          + task
          + " gives every trial an initial condition ("
          + taskSize
          + " values) that the network must start from; "
          + (offersEncoder
              ? "set encoder: linear on the model"
              : "use a model with an encoder, such as the bundled models with encoder: linear");
    }
    if (taskSize == 0) {
      return model
          + " encodes an initial condition of "
          + networkSize
          + " values, but "
          + task
          + " gives its trials none; remove the encoder (encoder: none)";
    }
    return model
        + " encodes an initial condition of "
        + networkSize
        + " values, but "
        + task
        + " gives "
        + taskSize;
  }

  /** The model parameter the bundled models choose their encoder with. */
  private static final String ENCODER_PARAMETER = "encoder";

  private TaskInstance createTask(ComponentSpec spec) {
    return new RunComponents(catalog).task(spec);
  }

  private RecurrentNetwork createNetwork(
      ComponentSpec spec, TaskInstance task, SeedStreams seeds, NDManager manager) {
    return new RunComponents(catalog).network(spec, task, seeds, manager);
  }

  private List<LossTerm> createLosses(List<LossSpec> specs) {
    List<LossTerm> terms = new ArrayList<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (LossSpec s : specs) {
      Loss loss = (Loss) catalog.lookup(ComponentKind.LOSS, s.component().id()).orElseThrow();
      int n = seen.merge(s.component().id(), 1, Integer::sum);
      String name = n == 1 ? s.component().id() : s.component().id() + "#" + n;
      Parameters p = s.component().parameters();
      terms.add(new LossTerm(name, loss.create(p), s.weight()));
    }
    return terms;
  }
}
