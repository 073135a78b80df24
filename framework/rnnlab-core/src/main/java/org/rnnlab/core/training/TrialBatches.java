package org.rnnlab.core.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.Period;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.Trial;

/**
 * Builds batches from an open-loop task's trials, in the two layouts the core supports.
 *
 * <ul>
 *   <li>{@link #stream}: NeuroGym's supervised dataset. Each batch row has its own endless stream
 *       of concatenated trials, cut into consecutive {@code sequenceLength}-step pieces, so a trial
 *       may straddle two batches. Unlike NeuroGym's {@code Dataset}, the streams are seeded.
 *   <li>{@link #trialAligned}: one whole trial per row, padded at the end to the longest trial of
 *       the batch, with mask 0 and the real lengths recorded, and the trials' initial conditions
 *       (if the task gives them) one per row.
 * </ul>
 *
 * <p>Streams cannot carry initial conditions: a stream sequence starts in the middle of a trial,
 * and the network's state is not reset where the next trial begins. {@link #stream} therefore
 * refuses a task whose {@link OpenLoopTask#initialConditionSize()} is positive.
 */
public final class TrialBatches {

  private TrialBatches() {}

  /**
   * NeuroGym-style continuous streams.
   *
   * @param rowRandoms one generator per batch row (independent streams)
   * @throws IllegalArgumentException if the task gives initial conditions ({@link #streamRefusal})
   */
  public static BatchSource stream(
      OpenLoopTask task, int sequenceLength, List<RandomGenerator> rowRandoms) {
    if (task.initialConditionSize() > 0) {
      throw new IllegalArgumentException(streamRefusal("the task"));
    }
    return new StreamSource(task, sequenceLength, rowRandoms);
  }

  /**
   * Why stream batching cannot serve a task that gives initial conditions, for error messages.
   *
   * @param task how to name the task, for example {@code task 'place-cells'}
   */
  public static String streamRefusal(String task) {
    return task
        + " gives every trial an initial condition that the network's encoder maps to the state"
        + " the trial starts from, but 'stream' batching concatenates trials and cuts them into"
        + " sequences that start in the middle of a trial (and runs on into the next trial without"
        + " a new start); set train.batching: trials";
  }

  /** Whole trials, padded. */
  public static BatchSource trialAligned(OpenLoopTask task, int batchSize, RandomGenerator random) {
    return () -> {
      List<Trial> trials = new ArrayList<>(batchSize);
      for (int b = 0; b < batchSize; b++) {
        trials.add(task.newTrial(random));
      }
      return padded(task, trials);
    };
  }

  /** Packs the given trials into one padded batch, one trial per row. */
  public static Batch padded(OpenLoopTask task, List<Trial> trials) {
    int in = task.inputChannels().size();
    int out = task.outputChannels().size();
    boolean classes = task.targetKind() == TargetKind.CLASS_INDEX;
    int b = trials.size();
    int steps = 0;
    for (Trial t : trials) {
      steps = Math.max(steps, t.steps());
    }
    float[] inputs = new float[b * steps * in];
    float[] targets = classes ? null : new float[b * steps * out];
    long[] classTargets = classes ? new long[b * steps] : null;
    float[] mask = new float[b * steps];
    int[] lengths = new int[b];
    int[] periods = new int[b * steps];
    java.util.Arrays.fill(periods, NO_PERIOD);
    int icSize = task.initialConditionSize();
    float[] initialConditions = icSize > 0 ? new float[b * icSize] : null;
    PeriodLabels labels = new PeriodLabels();
    for (int r = 0; r < b; r++) {
      Trial t = trials.get(r);
      checkShape(task, t);
      lengths[r] = t.steps();
      if (initialConditions != null) {
        System.arraycopy(t.initialCondition(), 0, initialConditions, r * icSize, icSize);
      }
      int[] trialPeriods = labels.of(t);
      for (int s = 0; s < t.steps(); s++) {
        copyStep(t, s, r * steps + s, in, out, inputs, targets, classTargets, mask);
        periods[r * steps + s] = trialPeriods[s];
      }
    }
    return new Batch(
        b,
        steps,
        in,
        out,
        inputs,
        targets,
        classTargets,
        mask,
        lengths,
        trials,
        periods,
        labels.names(),
        icSize,
        initialConditions);
  }

  /** The period index of a step in no period (padding). */
  public static final int NO_PERIOD = -1;

  /**
   * Labels the steps of trials with the index of their period in a vocabulary that grows as new
   * names are met; one per batch.
   */
  private static final class PeriodLabels {
    private final Map<String, Integer> indices = new LinkedHashMap<>();

    /** Per step of the trial: the period index, later periods winning where periods overlap. */
    int[] of(Trial t) {
      int[] out = new int[t.steps()];
      java.util.Arrays.fill(out, NO_PERIOD);
      for (Period p : t.periods()) {
        int index = indices.computeIfAbsent(p.name(), k -> indices.size());
        int end = Math.min(p.endStep(), out.length);
        for (int s = p.startStep(); s < end; s++) {
          out[s] = index;
        }
      }
      return out;
    }

    List<String> names() {
      return List.copyOf(indices.keySet());
    }
  }

  static void checkShape(OpenLoopTask task, Trial t) {
    int in = task.inputChannels().size();
    if (t.steps() > 0 && t.inputs()[0].length != in) {
      throw new IllegalStateException(
          "task produced a trial with "
              + t.inputs()[0].length
              + " input channels but declares "
              + in);
    }
    boolean classes = task.targetKind() == TargetKind.CLASS_INDEX;
    if (classes != (t.classTargets() != null)) {
      throw new IllegalStateException(
          "task declares " + task.targetKind() + " targets but produced the other kind");
    }
    int icSize = task.initialConditionSize();
    float[] ic = t.initialCondition();
    if (icSize > 0 ? ic == null || ic.length != icSize : ic != null) {
      throw new IllegalStateException(
          "task declares initialConditionSize "
              + icSize
              + " but produced a trial with "
              + (ic == null ? "no initial condition" : "an initial condition of " + ic.length)
              + (icSize == 0 ? "; a task that gives initial conditions declares their size" : ""));
    }
  }

  private static void copyStep(
      Trial t,
      int s,
      int row,
      int in,
      int out,
      float[] inputs,
      float[] targets,
      long[] classTargets,
      float[] mask) {
    System.arraycopy(t.inputs()[s], 0, inputs, row * in, in);
    if (classTargets != null) {
      classTargets[row] = t.classTargets()[s];
    } else {
      System.arraycopy(t.targets()[s], 0, targets, row * out, out);
    }
    mask[row] = t.mask()[s];
  }

  private static final class StreamSource implements BatchSource {
    private final OpenLoopTask task;
    private final int sequenceLength;
    private final List<RandomGenerator> rowRandoms;
    private final Trial[] current;
    private final int[] position;

    StreamSource(OpenLoopTask task, int sequenceLength, List<RandomGenerator> rowRandoms) {
      this.task = task;
      this.sequenceLength = sequenceLength;
      this.rowRandoms = List.copyOf(rowRandoms);
      this.current = new Trial[rowRandoms.size()];
      this.position = new int[rowRandoms.size()];
    }

    @Override
    public Batch next() {
      int b = rowRandoms.size();
      int in = task.inputChannels().size();
      int out = task.outputChannels().size();
      boolean classes = task.targetKind() == TargetKind.CLASS_INDEX;
      float[] inputs = new float[b * sequenceLength * in];
      float[] targets = classes ? null : new float[b * sequenceLength * out];
      long[] classTargets = classes ? new long[b * sequenceLength] : null;
      float[] mask = new float[b * sequenceLength];
      int[] lengths = new int[b];
      int[] periods = new int[b * sequenceLength];
      PeriodLabels labels = new PeriodLabels();
      for (int r = 0; r < b; r++) {
        int[] trialPeriods = current[r] == null ? null : labels.of(current[r]);
        lengths[r] = sequenceLength;
        for (int s = 0; s < sequenceLength; s++) {
          while (current[r] == null || position[r] >= current[r].steps()) {
            current[r] = task.newTrial(rowRandoms.get(r));
            position[r] = 0;
            checkShape(task, current[r]);
            trialPeriods = labels.of(current[r]);
          }
          periods[r * sequenceLength + s] = trialPeriods[position[r]];
          copyStep(
              current[r],
              position[r],
              r * sequenceLength + s,
              in,
              out,
              inputs,
              targets,
              classTargets,
              mask);
          position[r]++;
        }
      }
      return new Batch(
          b,
          sequenceLength,
          in,
          out,
          inputs,
          targets,
          classTargets,
          mask,
          lengths,
          List.of(),
          periods,
          labels.names(),
          0,
          null);
    }
  }
}
