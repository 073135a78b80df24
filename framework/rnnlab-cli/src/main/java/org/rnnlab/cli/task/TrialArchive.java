package org.rnnlab.cli.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rnnlab.api.task.Trial;
import org.rnnlab.core.io.Npz;
import org.rnnlab.core.io.TrialArrays;
import org.rnnlab.core.runs.Provenance;

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
    return TrialArrays.periodNames(trials);
  }

  /** Metadata keys that become {@code meta_<key>} arrays; see {@link TrialArrays}. */
  static List<String> numericMetadataKeys(List<Trial> trials) {
    return TrialArrays.numericMetadataKeys(trials);
  }

  List<String> periodNames() {
    return periodNames;
  }

  /**
   * The arrays, in file order: {@code inputs}, {@code targets} or {@code class_targets}, {@code
   * mask}, {@code lengths}, {@code period_start}, {@code period_end}, then {@code meta_<key>}.
   */
  Map<String, Npz.Array> arrays() {
    return TrialArrays.of(task.task(), trials);
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
    doc.put("trials", TrialArrays.facts(trials));
    return doc;
  }
}
