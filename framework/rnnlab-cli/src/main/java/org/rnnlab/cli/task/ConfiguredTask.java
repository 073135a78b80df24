package org.rnnlab.cli.task;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.rnnlab.api.component.Component;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.spec.SourceLocation;
import org.rnnlab.api.spec.SpecDocument;
import org.rnnlab.api.spec.SpecException;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.Task;
import org.rnnlab.api.task.TaskInstance;
import org.rnnlab.api.task.Trial;
import org.rnnlab.core.plugins.ComponentCatalog;
import org.rnnlab.core.plugins.ComponentKind;
import org.rnnlab.core.random.SeedStreams;
import org.rnnlab.core.spec.ParameterBinder;
import org.rnnlab.core.spec.Suggestions;
import org.rnnlab.core.training.TrialBatches;
import org.rnnlab.dsl.Overrides;

/**
 * An open-loop task configured from the command line, checked exactly as a script's {@code task:}
 * map would be.
 *
 * @param id the task's id
 * @param parameters every parameter, defaults filled in, as the task received them
 * @param settings the {@code --set} assignments as typed, for titles and provenance
 * @param task the configured instance
 */
record ConfiguredTask(
    String id, Map<String, Object> parameters, List<String> settings, OpenLoopTask task) {

  ConfiguredTask {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    settings = List.copyOf(settings);
  }

  /**
   * Looks the task up, binds the settings to its parameters and creates it.
   *
   * @param command for messages, for example {@code task show}
   * @param settings {@code key=value} assignments relative to the task ({@code dt=20}, {@code
   *     timing.stimulus=500}); values are read as YAML scalars
   * @throws SpecException if the id is not a task (naming the closest task ids), an assignment is
   *     malformed, a key is unknown (naming the valid ones), a value has the wrong type or range,
   *     the task rejects its parameters, or the task is closed-loop
   */
  static ConfiguredTask configure(
      ComponentCatalog catalog, String id, List<String> settings, String command) {
    Task component =
        (Task) catalog.lookup(ComponentKind.TASK, id).orElseThrow(() -> noTask(catalog, id));
    for (String setting : settings) {
      if (setting.indexOf('=') <= 0) {
        throw new SpecException(
            new SourceLocation(Overrides.SOURCE, 0, ""),
            "expected --set key=value with one of the task's parameters, e.g. --set dt=20 or"
                + " --set timing.stimulus=500; got '"
                + setting
                + "'");
      }
    }
    SpecDocument document =
        Overrides.apply(new SpecDocument(Overrides.SOURCE, Map.of(), Map.of()), settings);
    String what = "task '" + id + "'";
    Map<String, Object> bound =
        new ParameterBinder(document)
            .bind(what, "", document.tree(), component.parameters(), List.of());
    TaskInstance instance;
    try {
      instance = component.create(new Parameters(bound));
    } catch (IllegalArgumentException e) {
      throw new SpecException(
          new SourceLocation(Overrides.SOURCE, 0, ""),
          what + " rejected its parameters: " + e.getMessage());
    }
    if (!(instance instanceof OpenLoopTask open)) {
      throw new SpecException(
          null,
          command
              + " needs an open-loop task, but '"
              + id
              + "' is closed-loop: what it shows the network depends on the network's own"
              + " outputs, so it has no trials to draw without a network."
              + openLoopIds(catalog));
    }
    return new ConfiguredTask(id, bound, settings, open);
  }

  /**
   * Draws trials from the task stream of {@code seed} ({@code new
   * SeedStreams(seed).stream(SeedStreams.TASK)}), one after the other: the trials a run with that
   * seed and {@code batching: trials} trains on first.
   *
   * @throws IllegalStateException if the task produces a trial that contradicts its declared
   *     channels or target kind (a bug in the task)
   */
  List<Trial> draw(int count, long seed) {
    RandomGenerator random = new SeedStreams(seed).stream(SeedStreams.TASK);
    List<Trial> trials = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      trials.add(task.newTrial(random));
    }
    TrialBatches.padded(task, trials); // checks every trial against the declared shape
    return trials;
  }

  private static SpecException noTask(ComponentCatalog catalog, String id) {
    List<String> tasks = catalog.ids(ComponentKind.TASK);
    for (ComponentKind kind : ComponentKind.values()) {
      if (kind != ComponentKind.TASK && catalog.lookup(kind, id).isPresent()) {
        return new SpecException(
            null, "'" + id + "' is " + article(kind) + ", not a task. Available tasks: " + tasks);
      }
    }
    return new SpecException(
        null,
        "unknown task '"
            + id
            + "'"
            + Suggestions.didYouMean(id, tasks)
            + " Available tasks: "
            + tasks
            + " (rnnlab plugins lists them all)");
  }

  private static String article(ComponentKind kind) {
    return (kind == ComponentKind.ANALYSIS ? "an " : "a ") + kind.noun();
  }

  /** The open-loop task ids, as a hint after a closed-loop one was given. */
  private static String openLoopIds(ComponentCatalog catalog) {
    List<String> open = new ArrayList<>();
    for (String taskId : catalog.ids(ComponentKind.TASK)) {
      Component c = catalog.lookup(ComponentKind.TASK, taskId).orElseThrow();
      if (isOpenLoop((Task) c)) {
        open.add(taskId);
      }
    }
    return open.isEmpty() ? "" : " Open-loop tasks: " + open;
  }

  private static boolean isOpenLoop(Task task) {
    try {
      Map<String, Object> defaults = new LinkedHashMap<>();
      task.parameters().forEach(p -> defaults.put(p.name(), ParameterBinder.defaultValue(p)));
      return task.create(new Parameters(defaults)) instanceof OpenLoopTask;
    } catch (RuntimeException e) {
      return false; // a task that cannot be built with its defaults is not worth suggesting
    }
  }
}
