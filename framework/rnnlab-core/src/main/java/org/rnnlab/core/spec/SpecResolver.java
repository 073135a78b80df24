package org.rnnlab.core.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnnlab.api.component.Component;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.spec.ComponentSpec;
import org.rnnlab.api.spec.ExperimentSpec;
import org.rnnlab.api.spec.LossSpec;
import org.rnnlab.api.spec.OptimizerSpec;
import org.rnnlab.api.spec.SpecDocument;
import org.rnnlab.api.spec.SpecException;
import org.rnnlab.api.spec.TrainingSpec;
import org.rnnlab.core.plugins.ComponentCatalog;
import org.rnnlab.core.plugins.ComponentKind;
import org.rnnlab.core.tasks.TaskMixer;

/**
 * Turns a {@link SpecDocument} as written into a validated {@link ExperimentSpec} with every
 * default filled in. This is the one place where scripts are checked, for both front ends.
 */
public final class SpecResolver {

  /** The keys an experiment may have at its top level. */
  public static final List<String> TOP_LEVEL_KEYS =
      List.of("name", "seed", "task", "model", "loss", "train", "evaluation", "analyses");

  /** Settings of the training loop, other than the optimiser. */
  public static final List<ParameterSpec> TRAIN_PARAMETERS =
      List.of(
          ParameterSpec.integer("steps", 1000, "steps", "Number of parameter updates").withMin(1),
          ParameterSpec.integer("batch", 16, "sequences", "Sequences per update").withMin(1),
          ParameterSpec.integer(
                  "sequenceLength",
                  100,
                  "steps",
                  "Time steps per training sequence when batching is 'stream'")
              .withMin(1),
          ParameterSpec.choice(
              "batching",
              "stream",
              List.of("stream", "trials"),
              "'stream': trials concatenated and cut into sequenceLength steps (NeuroGym);"
                  + " 'trials': one whole trial per sequence, padded and masked"),
          ParameterSpec.number(
                  "clipGradNorm", 0, "", "Largest global gradient norm, or 0 for no clipping")
              .withMin(0),
          ParameterSpec.number(
                  "clipGradValue",
                  0,
                  "",
                  "Largest absolute value of each gradient element, clipped one by one as"
                      + " TensorFlow's clip_by_value (Yang et al. 2019 use 1), before any norm"
                      + " clipping; 0 for no clipping")
              .withMin(0),
          ParameterSpec.integer(
                  "checkpointEvery", 500, "steps", "Steps between checkpoints (one at the end too)")
              .withMin(1));

  /** Optimisers the core provides, with their parameters (PyTorch's defaults). */
  public static final Map<String, List<ParameterSpec>> OPTIMIZERS =
      Map.of(
          "adam",
          List.of(
              ParameterSpec.number("lr", 0.001, "", "Learning rate").withMin(0),
              ParameterSpec.number("beta1", 0.9, "", "First-moment decay").withRange(0, 1),
              ParameterSpec.number("beta2", 0.999, "", "Second-moment decay").withRange(0, 1),
              ParameterSpec.number("epsilon", 1e-8, "", "Denominator guard").withMin(0),
              ParameterSpec.number("weightDecay", 0, "", "L2 penalty added to the gradient")
                  .withMin(0)),
          "sgd",
          List.of(
              ParameterSpec.number("lr", 0.01, "", "Learning rate").withMin(0),
              ParameterSpec.number("momentum", 0, "", "Momentum").withRange(0, 1),
              ParameterSpec.number("weightDecay", 0, "", "L2 penalty added to the gradient")
                  .withMin(0)));

  /** Settings of the held-out evaluation. */
  public static final List<ParameterSpec> EVALUATION_PARAMETERS =
      List.of(
          ParameterSpec.integer(
                  "trials", 200, "trials", "Held-out trials recorded in evaluation/ after training")
              .withMin(1));

  private static final ParameterSpec LOSS_WEIGHT =
      ParameterSpec.number("weight", 1.0, "", "Factor on this term in the total loss").withMin(0);

  private final ComponentCatalog catalog;

  public SpecResolver(ComponentCatalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Validates and resolves a document.
   *
   * @throws SpecException naming the file, line or path of the first problem found
   */
  public ExperimentSpec resolve(SpecDocument document) {
    ParameterBinder binder = new ParameterBinder(document);
    Map<String, Object> tree = document.tree();
    for (String key : tree.keySet()) {
      if (!TOP_LEVEL_KEYS.contains(key)) {
        throw new SpecException(
            document.locate(key),
            "unknown key '"
                + key
                + "' at the top level of the experiment"
                + Suggestions.didYouMean(key, TOP_LEVEL_KEYS)
                + " Valid keys: "
                + TOP_LEVEL_KEYS);
      }
    }
    Map<String, Object> resolved = new LinkedHashMap<>();

    String name = nameOf(document, tree.get("name"));
    resolved.put("name", name);

    Object seedValue = tree.getOrDefault("seed", 0L);
    if (!(seedValue instanceof Long seed) || seed < 0) {
      throw new SpecException(
          document.locate("seed"), "seed must be a whole number ≥ 0, got " + seedValue);
    }
    resolved.put("seed", seed);

    ResolvedComponent task =
        component(document, binder, ComponentKind.TASK, "task", tree.get("task"), List.of("id"));
    resolved.put("task", task.tree);
    ResolvedComponent model =
        component(document, binder, ComponentKind.MODEL, "model", tree.get("model"), List.of("id"));
    resolved.put("model", model.tree);

    Object lossValue = tree.get("loss");
    if (lossValue == null) {
      throw new SpecException(
          document.locate("loss"),
          "the experiment names no loss; add one, for example loss 'cross-entropy'. Available"
              + " losses: "
              + catalog.ids(ComponentKind.LOSS));
    }
    List<Object> lossList =
        lossValue instanceof List<?> l ? new ArrayList<>(l) : List.of(lossValue);
    List<LossSpec> losses = new ArrayList<>();
    List<Object> lossTrees = new ArrayList<>();
    for (int i = 0; i < lossList.size(); i++) {
      String path = "loss[" + i + "]";
      ResolvedComponent loss =
          component(
              document, binder, ComponentKind.LOSS, path, lossList.get(i), List.of("id", "weight"));
      @SuppressWarnings("unchecked")
      Map<String, Object> written =
          lossList.get(i) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
      double weight =
          (Double)
              binder
                  .bind(
                      "loss '" + loss.spec.id() + "'",
                      path,
                      written.containsKey("weight")
                          ? Map.of("weight", written.get("weight"))
                          : Map.of(),
                      List.of(LOSS_WEIGHT),
                      List.of())
                  .get("weight");
      Map<String, Object> lt = new LinkedHashMap<>();
      lt.put("id", loss.spec.id());
      lt.put("weight", weight);
      loss.spec.parameters().asMap().forEach(lt::put);
      lossTrees.add(lt);
      losses.add(new LossSpec(loss.spec, weight));
    }
    if (losses.isEmpty()) {
      throw new SpecException(document.locate("loss"), "the loss list is empty");
    }
    resolved.put("loss", lossTrees);

    Map<String, Object> trainWritten = mapAt(document, tree.get("train"), "train");
    Object optimizerValue = trainWritten.get("optimizer");
    Map<String, Object> optimizerWritten =
        optimizerValue == null
            ? Map.of("id", "adam")
            : optimizerValue instanceof String s
                ? Map.of("id", s)
                : mapAt(document, optimizerValue, "train.optimizer");
    Object optimizerId = optimizerWritten.getOrDefault("id", "adam");
    if (!(optimizerId instanceof String oid) || !OPTIMIZERS.containsKey(oid)) {
      throw new SpecException(
          document.locate("train.optimizer.id"),
          "unknown optimizer '"
              + optimizerId
              + "'"
              + (optimizerId instanceof String s
                  ? Suggestions.didYouMean(s, OPTIMIZERS.keySet())
                  : "")
              + " Available optimizers: "
              + OPTIMIZERS.keySet().stream().sorted().toList());
    }
    Map<String, Object> optimizer =
        binder.bind(
            "optimizer '" + oid + "'",
            "train.optimizer",
            optimizerWritten,
            OPTIMIZERS.get(oid),
            List.of("id"));
    Map<String, Object> trainOther = new LinkedHashMap<>(trainWritten);
    trainOther.remove("optimizer");
    Map<String, Object> train =
        binder.bind("train", "train", trainOther, TRAIN_PARAMETERS, List.of());
    Map<String, Object> trainTree = new LinkedHashMap<>();
    Map<String, Object> optimizerTree = new LinkedHashMap<>();
    optimizerTree.put("id", oid);
    optimizerTree.putAll(optimizer);
    trainTree.put("optimizer", optimizerTree);
    trainTree.putAll(train);
    resolved.put("train", trainTree);

    Map<String, Object> evaluation =
        binder.bind(
            "evaluation",
            "evaluation",
            mapAt(document, tree.get("evaluation"), "evaluation"),
            EVALUATION_PARAMETERS,
            List.of());
    resolved.put("evaluation", evaluation);

    Object analysesValue = tree.getOrDefault("analyses", List.of());
    if (!(analysesValue instanceof List<?> analysesList)) {
      throw new SpecException(
          document.locate("analyses"), "analyses must be a list of {id: ..., ...} entries");
    }
    List<ComponentSpec> analyses = new ArrayList<>();
    List<Object> analysisTrees = new ArrayList<>();
    for (int i = 0; i < analysesList.size(); i++) {
      ResolvedComponent a =
          component(
              document,
              binder,
              ComponentKind.ANALYSIS,
              "analyses[" + i + "]",
              analysesList.get(i),
              List.of("id"));
      analyses.add(a.spec);
      analysisTrees.add(a.tree);
    }
    resolved.put("analyses", analysisTrees);

    OptimizerSpec optimizerSpec =
        new OptimizerSpec(
            oid,
            (Double) optimizer.get("lr"),
            (Double) optimizer.getOrDefault("beta1", 0.9),
            (Double) optimizer.getOrDefault("beta2", 0.999),
            (Double) optimizer.getOrDefault("epsilon", 1e-8),
            (Double) optimizer.getOrDefault("momentum", 0.0),
            (Double) optimizer.get("weightDecay"));
    TrainingSpec training =
        new TrainingSpec(
            optimizerSpec,
            Math.toIntExact((Long) train.get("steps")),
            Math.toIntExact((Long) train.get("batch")),
            Math.toIntExact((Long) train.get("sequenceLength")),
            (String) train.get("batching"),
            (Double) train.get("clipGradNorm"),
            (Double) train.get("clipGradValue"),
            Math.toIntExact((Long) train.get("checkpointEvery")));
    return new ExperimentSpec(
        name,
        seed,
        task.spec,
        model.spec,
        losses,
        training,
        Math.toIntExact((Long) evaluation.get("trials")),
        analyses,
        resolved);
  }

  private record ResolvedComponent(ComponentSpec spec, Map<String, Object> tree) {}

  private ResolvedComponent component(
      SpecDocument document,
      ParameterBinder binder,
      ComponentKind kind,
      String path,
      Object value,
      List<String> ignored) {
    if (value == null) {
      throw new SpecException(
          document.locate(path),
          "the experiment names no "
              + kind.noun()
              + "; available "
              + kind.plural()
              + ": "
              + catalog.ids(kind));
    }
    Map<String, Object> written = value instanceof String s ? Map.of("id", s) : null;
    if (written == null) {
      written = mapAt(document, value, path);
    }
    Object idValue = written.get("id");
    if (!(idValue instanceof String id) || id.isBlank()) {
      throw new SpecException(
          document.locate(path),
          "the "
              + kind.noun()
              + " has no id; available "
              + kind.plural()
              + ": "
              + catalog.ids(kind));
    }
    if (kind == ComponentKind.TASK && id.equals(TaskMixer.ID)) {
      return mixer(document, binder, path, written);
    }
    Component component =
        catalog
            .lookup(kind, id)
            .orElseThrow(
                () ->
                    new SpecException(
                        document.locate(path + ".id"),
                        "unknown "
                            + kind.noun()
                            + " '"
                            + id
                            + "'"
                            + Suggestions.didYouMean(id, idsWithBuiltIns(kind))
                            + " Available "
                            + kind.plural()
                            + ": "
                            + idsWithBuiltIns(kind)
                            + " (rnnlab plugins lists them all)"));
    List<String> skipped = new ArrayList<>(ignored);
    if (kind == ComponentKind.TASK) {
      skipped.add(WRAPPERS);
    }
    Map<String, Object> params =
        binder.bind(kind.noun() + " '" + id + "'", path, written, component.parameters(), skipped);
    if (kind == ComponentKind.TASK && written.get(WRAPPERS) != null) {
      List<Object> wrappers = wrappers(document, binder, path + "." + WRAPPERS, written);
      if (!wrappers.isEmpty()) {
        params.put(WRAPPERS, wrappers);
      }
    }
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("id", id);
    tree.putAll(params);
    return new ResolvedComponent(new ComponentSpec(id, new Parameters(params)), tree);
  }

  /** The reserved key of a task's wrapper list. */
  public static final String WRAPPERS = "wrappers";

  private List<Object> wrappers(
      SpecDocument document, ParameterBinder binder, String path, Map<String, Object> written) {
    if (!(written.get(WRAPPERS) instanceof List<?> list)) {
      throw new SpecException(
          document.locate(path),
          "wrappers must be a list of {id: ..., ...} entries; available wrappers: "
              + catalog.ids(ComponentKind.WRAPPER));
    }
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      out.add(
          component(
                  document,
                  binder,
                  ComponentKind.WRAPPER,
                  path + "[" + i + "]",
                  list.get(i),
                  List.of("id"))
              .tree);
    }
    return out;
  }

  private List<String> idsWithBuiltIns(ComponentKind kind) {
    List<String> ids = new ArrayList<>(catalog.ids(kind));
    if (kind == ComponentKind.TASK) {
      ids.add(TaskMixer.ID);
      ids.sort(null);
    }
    return ids;
  }

  /** The built-in {@code task-mixer}: its own settings plus a list of ordinary tasks. */
  private ResolvedComponent mixer(
      SpecDocument document, ParameterBinder binder, String path, Map<String, Object> written) {
    String listPath = path + "." + TaskMixer.TASKS;
    if (!(written.get(TaskMixer.TASKS) instanceof List<?> list) || list.isEmpty()) {
      throw new SpecException(
          document.locate(listPath),
          "task-mixer needs a non-empty 'tasks' list of task entries, e.g. tasks: [ {id: yang-go},"
              + " {id: yang-dm1} ]");
    }
    List<Object> subtrees = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String subPath = listPath + "[" + i + "]";
      Object entry = list.get(i);
      Object subId =
          entry instanceof Map<?, ?> m ? m.get("id") : entry instanceof String s ? s : null;
      if (TaskMixer.ID.equals(subId)) {
        throw new SpecException(document.locate(subPath), "task-mixers cannot be nested");
      }
      subtrees.add(
          component(document, binder, ComponentKind.TASK, subPath, entry, List.of("id")).tree);
    }
    Map<String, Object> own =
        binder.bind(
            "task 'task-mixer'", path, written, TaskMixer.PARAMETERS, List.of("id", "tasks"));
    Map<String, Object> params = new LinkedHashMap<>(own);
    params.put(TaskMixer.TASKS, subtrees);
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("id", TaskMixer.ID);
    tree.putAll(params);
    return new ResolvedComponent(new ComponentSpec(TaskMixer.ID, new Parameters(params)), tree);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> mapAt(SpecDocument document, Object value, String path) {
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> m)) {
      throw new SpecException(
          document.locate(path), path + " must be a map of settings, got " + value);
    }
    return (Map<String, Object>) m;
  }

  private static String nameOf(SpecDocument document, Object value) {
    if (value == null) {
      String file = Path.of(document.source()).getFileName().toString();
      int dot = file.lastIndexOf('.');
      return dot > 0 ? file.substring(0, dot) : file;
    }
    if (!(value instanceof String s) || !s.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new SpecException(
          document.locate("name"),
          "name must be letters, digits, '.', '_' or '-' (it names the run folder), got '"
              + value
              + "'");
    }
    return s;
  }
}
