package org.rnnlab.core.experiment;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.model.Model;
import org.rnnlab.api.model.NetworkShape;
import org.rnnlab.api.model.RecurrentNetwork;
import org.rnnlab.api.spec.ComponentSpec;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.Task;
import org.rnnlab.api.task.TaskInstance;
import org.rnnlab.api.task.TaskWrapper;
import org.rnnlab.core.plugins.ComponentCatalog;
import org.rnnlab.core.plugins.ComponentKind;
import org.rnnlab.core.random.SeedStreams;
import org.rnnlab.core.spec.SpecResolver;
import org.rnnlab.core.tasks.MixedTask;
import org.rnnlab.core.tasks.TaskMixer;

/**
 * Builds a run's task and network from its resolved spec, exactly as training does, so that
 * anything that reopens a finished run (comparisons, post-hoc analyses) gets the same components.
 */
public final class RunComponents {

  private final ComponentCatalog catalog;

  public RunComponents(ComponentCatalog catalog) {
    this.catalog = catalog;
  }

  /**
   * A new instance of the task of {@code spec}, wrappers and mixer included. Every call gives an
   * independent instance (tasks with state across trials, such as rule blocks, do not share it).
   */
  public TaskInstance task(ComponentSpec spec) {
    if (spec.id().equals(TaskMixer.ID)) {
      return mixer(spec.parameters());
    }
    Map<String, Object> values = new LinkedHashMap<>(spec.parameters().asMap());
    Object wrappers = values.remove(SpecResolver.WRAPPERS);
    Task task = (Task) catalog.lookup(ComponentKind.TASK, spec.id()).orElseThrow();
    TaskInstance instance = task.create(new Parameters(values));
    if (wrappers == null) {
      return instance;
    }
    if (!(instance instanceof OpenLoopTask open)) {
      throw new IllegalArgumentException(
          "wrappers change trials of open-loop tasks; '" + spec.id() + "' is closed-loop");
    }
    for (Object entry : (List<?>) wrappers) {
      @SuppressWarnings("unchecked")
      Map<String, Object> tree = new LinkedHashMap<>((Map<String, Object>) entry);
      String id = (String) tree.remove("id");
      TaskWrapper wrapper = (TaskWrapper) catalog.lookup(ComponentKind.WRAPPER, id).orElseThrow();
      open = wrapper.wrap(open, new Parameters(tree));
    }
    return open;
  }

  @SuppressWarnings("unchecked")
  private MixedTask mixer(Parameters params) {
    List<String> ids = new ArrayList<>();
    List<OpenLoopTask> tasks = new ArrayList<>();
    for (Object entry : (List<Object>) params.asMap().get(TaskMixer.TASKS)) {
      Map<String, Object> tree = new LinkedHashMap<>((Map<String, Object>) entry);
      String id = (String) tree.remove("id");
      TaskInstance instance = task(new ComponentSpec(id, new Parameters(tree)));
      if (!(instance instanceof OpenLoopTask open)) {
        throw new IllegalArgumentException(
            "task-mixer mixes open-loop tasks; '" + id + "' is closed-loop");
      }
      ids.add(id);
      tasks.add(open);
    }
    return new MixedTask(
        ids,
        tasks,
        params.string("schedule"),
        params.count("blockTrials"),
        params.bool("ruleInputs"));
  }

  /**
   * The model of {@code spec}, sized for {@code task}, with parameters initialised from {@code
   * seeds}' init stream (as at the start of training).
   */
  public RecurrentNetwork network(
      ComponentSpec spec, TaskInstance task, SeedStreams seeds, NDManager manager) {
    Model model = (Model) catalog.lookup(ComponentKind.MODEL, spec.id()).orElseThrow();
    NetworkShape shape =
        new NetworkShape(
            task.inputChannels().size(),
            task.outputChannels().size(),
            task.dtMs(),
            initialConditionSize(task));
    return model.create(spec.parameters(), shape, seeds.stream(SeedStreams.INIT), manager);
  }

  /** The length of the initial condition the task gives every trial; 0 for none. */
  static int initialConditionSize(TaskInstance task) {
    return task instanceof OpenLoopTask open ? open.initialConditionSize() : 0;
  }
}
