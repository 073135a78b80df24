package org.rnnlab.cli.task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.rnnlab.api.task.Period;
import org.rnnlab.api.task.Trial;
import org.rnnlab.core.io.Npz;
import org.rnnlab.core.runs.Provenance;
import org.rnnlab.core.training.Batch;
import org.rnnlab.core.training.TrialBatches;

/**
 * The arrays and the sidecar document {@code rnnlab task sample} writes, built in memory.
 *
 * <p>The array names and the sidecar's {@code dt_ms}, {@code input_channels}, {@code
 * output_channels} and {@code trials} entries are those of a run's {@code evaluation/trials.npz}
 * and {@code trials.json}, so that scripts reading one read the other. Deterministic: the same
 * trials give the same arrays and document.
 */
final class TrialArchive {

  private final ConfiguredTask task;
  private final long seed;
  private final List<Trial> trials;
  private final List<String> periodNames;
  private final List<String> numericMetadata;

  /**
   * @param trials at least one trial of {@code task}
   */
  TrialArchive(ConfiguredTask task, long seed, List<Trial> trials) {
    if (trials.isEmpty()) {
      throw new IllegalArgumentException("an archive needs at least one trial");
    }
    this.task = task;
    this.seed = seed;
    this.trials = List.copyOf(trials);
    this.periodNames = periodNames(trials);
    this.numericMetadata = numericMetadataKeys(trials);
  }

  /** Every period name of the trials, in the order first seen. */
  static List<String> periodNames(List<Trial> trials) {
    Set<String> names = new LinkedHashSet<>();
    for (Trial t : trials) {
      for (Period p : t.periods()) {
        names.add(p.name());
      }
    }
    return List.copyOf(names);
  }

  /**
   * Metadata keys whose value is a number or a boolean in every trial, in the order first seen;
   * these become {@code meta_<key>} arrays.
   */
  static List<String> numericMetadataKeys(List<Trial> trials) {
    Set<String> keys = new LinkedHashSet<>();
    trials.forEach(t -> keys.addAll(t.metadata().keySet()));
    List<String> numeric = new ArrayList<>();
    for (String key : keys) {
      if (trials.stream().allMatch(t -> isNumeric(t.metadata().get(key)))) {
        numeric.add(key);
      }
    }
    return numeric;
  }

  private static boolean isNumeric(Object value) {
    return value instanceof Number || value instanceof Boolean;
  }

  List<String> periodNames() {
    return periodNames;
  }

  /**
   * The arrays, in file order: {@code inputs}, {@code targets} or {@code class_targets}, {@code
   * mask}, {@code lengths}, {@code period_start}, {@code period_end}, then {@code meta_<key>}.
   */
  Map<String, Npz.Array> arrays() {
    Batch batch = TrialBatches.padded(task.task(), trials);
    int n = batch.batchSize();
    int steps = batch.steps();
    Map<String, Npz.Array> arrays = new LinkedHashMap<>();
    arrays.put("inputs", Npz.Array.of(batch.inputs(), n, steps, batch.inputSize()));
    if (batch.classTargets() != null) {
      arrays.put("class_targets", Npz.Array.of(batch.classTargets(), n, steps));
    } else {
      arrays.put("targets", Npz.Array.of(batch.targets(), n, steps, batch.outputSize()));
    }
    arrays.put("mask", Npz.Array.of(batch.mask(), n, steps));
    arrays.put("lengths", Npz.Array.of(batch.lengths(), n));
    int p = periodNames.size();
    int[] start = new int[n * p];
    int[] end = new int[n * p];
    Arrays.fill(start, -1);
    Arrays.fill(end, -1);
    for (int r = 0; r < n; r++) {
      for (int k = 0; k < p; k++) {
        Period period = trials.get(r).period(periodNames.get(k));
        if (period != null) {
          start[r * p + k] = period.startStep();
          end[r * p + k] = period.endStep();
        }
      }
    }
    arrays.put("period_start", Npz.Array.of(start, n, p));
    arrays.put("period_end", Npz.Array.of(end, n, p));
    for (String key : numericMetadata) {
      double[] values = new double[n];
      for (int r = 0; r < n; r++) {
        Object v = trials.get(r).metadata().get(key);
        values[r] = v instanceof Number num ? num.doubleValue() : ((Boolean) v ? 1 : 0);
      }
      arrays.put("meta_" + key, Npz.Array.of(values, n));
    }
    return arrays;
  }

  /** The sidecar document: what the arrays mean, how they were made, and every trial's facts. */
  Map<String, Object> sidecar() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("task", task.id());
    doc.put("parameters", task.parameters());
    doc.put("settings", task.settings());
    doc.put("seed", seed);
    doc.put("random_stream", "task");
    doc.put("rnnlab_version", Provenance.rnnlabVersion());
    doc.put("dt_ms", task.task().dtMs());
    doc.put("target_kind", task.task().targetKind().name().toLowerCase(Locale.ROOT));
    doc.put("input_channels", task.task().inputChannels());
    doc.put("output_channels", task.task().outputChannels());
    doc.put("period_names", periodNames);
    doc.put("numeric_metadata", numericMetadata);
    List<Object> perTrial = new ArrayList<>();
    for (Trial t : trials) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("steps", t.steps());
      Map<String, Object> periods = new LinkedHashMap<>();
      for (Period period : t.periods()) {
        periods.putIfAbsent(period.name(), List.of(period.startStep(), period.endStep()));
      }
      m.put("periods", periods);
      m.put("metadata", t.metadata());
      perTrial.add(m);
    }
    doc.put("trials", perTrial);
    return doc;
  }
}
