package org.rnnlab.api.trial;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.rnnlab.api.task.Period;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.Trial;

/**
 * Builds one {@link Trial} the way NeuroGym's {@code TrialEnv} does: first the periods, then the
 * observations, ground truth and mask per period and per named channel group.
 *
 * <pre>{@code
 * TrialBuilder b = new TrialBuilder(dtMs, inputs, outputs, TargetKind.CLASS_INDEX);
 * b.periods(timing, random, "fixation", "stimulus", "delay", "decision");
 * b.setInput(1, "fixation", "fixation");
 * b.setInput(stimulusMeans, "stimulus", "stimulus");
 * b.addNoise(sigma / Math.sqrt(dtMs), random, "stimulus", "stimulus");
 * b.classTarget(choice, "decision");
 * b.metadata("coherence", coh);
 * Trial trial = b.build();
 * }</pre>
 *
 * <p>Time: every duration is floored to a multiple of {@code dt} ({@code floor(d/dt)·dt}, as
 * NeuroGym's {@code sample_time}) before the period is placed, so period boundaries fall on the
 * step grid and a period of {@code d} ms lasts {@code floor(d/dt)} steps. The trial lasts until the
 * end of its last period. Periods are placed in ms and may overlap when placed relative to each
 * other.
 *
 * <p>Periods must all be added before the first observation, target or mask is set (the arrays are
 * sized then); a later {@code period} call throws. Methods that take periods apply to the whole
 * trial when given none. Defaults: inputs 0, class targets 0 (NeuroGym's fixation action),
 * continuous targets 0, mask 1.
 *
 * <p>Randomness comes only from the generators passed in. Not thread-safe; one builder per trial.
 */
public final class TrialBuilder {

  /** Relative slack when flooring, so that 0.3 ms at dt 0.1 ms is 3 steps, not 2. */
  private static final double FLOOR_SLACK = 1e-9;

  private final double dtMs;
  private final ChannelLayout inputLayout;
  private final ChannelLayout outputLayout;
  private final TargetKind targetKind;
  private final Map<String, double[]> periodsMs = new LinkedHashMap<>();
  private final Map<String, Object> metadata = new LinkedHashMap<>();
  private float[] initialCondition;
  private float[][] inputs;
  private float[][] targets;
  private int[] classTargets;
  private float[] mask;
  private int steps = -1;

  /**
   * @param dtMs the time step in ms
   * @param inputs the task's input channels
   * @param outputs the task's output channels (for class targets, the classes)
   * @param targetKind class indices or continuous targets
   * @throws IllegalArgumentException if {@code dtMs} is not positive
   */
  public TrialBuilder(
      double dtMs, ChannelLayout inputs, ChannelLayout outputs, TargetKind targetKind) {
    if (!(dtMs > 0) || !Double.isFinite(dtMs)) {
      throw new IllegalArgumentException("dt must be > 0 ms, got " + dtMs);
    }
    this.dtMs = dtMs;
    this.inputLayout = inputs;
    this.outputLayout = outputs;
    this.targetKind = targetKind;
  }

  /** {@code floor(ms/dt)·dt}: a duration on the step grid. */
  public double floorToDt(double ms) {
    return steps(ms) * dtMs;
  }

  private long steps(double ms) {
    return (long) Math.floor(ms / dtMs * (1 + FLOOR_SLACK));
  }

  // ---------------------------------------------------------------- periods

  /** Appends a period of a constant duration after the last one. */
  public TrialBuilder period(String name, double durationMs) {
    return place(name, durationMs, endOfLast());
  }

  /** Appends a period after the last one, its duration drawn from {@code timing}. */
  public TrialBuilder period(String name, Timing timing, RandomGenerator random) {
    double start = endOfLast();
    return place(name, timing.sampleMs(random, start), start);
  }

  /**
   * Appends the named periods in order, each drawn from its timing (NeuroGym's {@code
   * add_period([...])}).
   *
   * @throws IllegalArgumentException if a name has no timing, naming the timings there are
   */
  public TrialBuilder periods(Map<String, Timing> timing, RandomGenerator random, String... names) {
    for (String name : names) {
      Timing t = timing.get(name);
      if (t == null) {
        throw new IllegalArgumentException(
            "no timing for period '" + name + "'; timings given: " + timing.keySet());
      }
      period(name, t, random);
    }
    return this;
  }

  /** Places a period to start where {@code after} ends. */
  public TrialBuilder periodAfter(String name, double durationMs, String after) {
    return place(name, durationMs, bounds(after)[1]);
  }

  /** Places a period to end where {@code before} starts. */
  public TrialBuilder periodBefore(String name, double durationMs, String before) {
    double d = floorToDt(durationMs);
    double start = bounds(before)[0] - d;
    if (start < 0) {
      throw new IllegalArgumentException(
          "period '" + name + "' of " + d + " ms would start before the trial");
    }
    return place(name, d, start);
  }

  private TrialBuilder place(String name, double durationMs, double startMs) {
    if (steps >= 0) {
      throw new IllegalStateException(
          "period '"
              + name
              + "' added after observations or targets were set; add all periods"
              + " first");
    }
    if (periodsMs.containsKey(name)) {
      throw new IllegalArgumentException("period '" + name + "' added twice");
    }
    if (!(durationMs >= 0) || !Double.isFinite(durationMs)) {
      throw new IllegalArgumentException(
          "period '" + name + "' needs a finite duration >= 0 ms, got " + durationMs);
    }
    double d = floorToDt(durationMs);
    periodsMs.put(name, new double[] {startMs, startMs + d});
    return this;
  }

  private double endOfLast() {
    double end = 0;
    for (double[] b : periodsMs.values()) {
      end = Math.max(end, b[1]);
    }
    return end;
  }

  private double[] bounds(String period) {
    double[] b = periodsMs.get(period);
    if (b == null) {
      throw new IllegalArgumentException(
          "no period '" + period + "'; periods so far: " + periodsMs.keySet());
    }
    return b;
  }

  /** Start of a period in ms. */
  public double startMs(String period) {
    return bounds(period)[0];
  }

  /** End of a period in ms. */
  public double endMs(String period) {
    return bounds(period)[1];
  }

  /** A period in steps. */
  public Period period(String name) {
    double[] b = bounds(name);
    return new Period(name, (int) steps(b[0]), (int) steps(b[1]));
  }

  /** Number of steps of the trial; fixes the periods. */
  public int steps() {
    allocate();
    return steps;
  }

  // ---------------------------------------------------------------- inputs

  /** Sets every channel of {@code group} to {@code value} in the given periods. */
  public TrialBuilder setInput(float value, String group, String... periods) {
    int[] ch = inputLayout.indices(group);
    forSteps(
        periods,
        t -> {
          for (int c : ch) {
            inputs[t][c] = value;
          }
        });
    return this;
  }

  /**
   * Sets the channels of {@code group} to {@code values} (one per channel) in the given periods.
   *
   * @throws IllegalArgumentException if the lengths differ
   */
  public TrialBuilder setInput(float[] values, String group, String... periods) {
    int[] ch = checked(inputLayout, group, values);
    forSteps(
        periods,
        t -> {
          for (int k = 0; k < ch.length; k++) {
            inputs[t][ch[k]] = values[k];
          }
        });
    return this;
  }

  /** Adds {@code values} (one per channel of {@code group}) in the given periods. */
  public TrialBuilder addInput(float[] values, String group, String... periods) {
    int[] ch = checked(inputLayout, group, values);
    forSteps(
        periods,
        t -> {
          for (int k = 0; k < ch.length; k++) {
            inputs[t][ch[k]] += values[k];
          }
        });
    return this;
  }

  /**
   * Adds independent Gaussian noise N(0, std²) to every channel of {@code group} in the given
   * periods, drawn step by step and channel by channel from {@code random}. The caller scales
   * {@code std} as its source defines it (NeuroGym {@code sigma/sqrt(dt)}, Yang {@code
   * sigma·sqrt(2/α)}).
   */
  public TrialBuilder addNoise(
      double std, RandomGenerator random, String group, String... periods) {
    int[] ch = inputLayout.indices(group);
    forSteps(
        periods,
        t -> {
          for (int c : ch) {
            inputs[t][c] += (float) (std * random.nextGaussian());
          }
        });
    return this;
  }

  /** The input array {@code [steps][channels]}, for what the helpers above do not cover. */
  public float[][] inputs() {
    allocate();
    return inputs;
  }

  // ---------------------------------------------------------------- targets

  /** Sets the class target in the given periods. */
  public TrialBuilder classTarget(int classIndex, String... periods) {
    requireKind(TargetKind.CLASS_INDEX);
    if (classIndex < 0 || classIndex >= outputLayout.size()) {
      throw new IllegalArgumentException(
          "class " + classIndex + " is outside 0.." + (outputLayout.size() - 1));
    }
    forSteps(periods, t -> classTargets[t] = classIndex);
    return this;
  }

  /** Sets every channel of an output group to {@code value} in the given periods. */
  public TrialBuilder target(float value, String group, String... periods) {
    requireKind(TargetKind.CONTINUOUS);
    int[] ch = outputLayout.indices(group);
    forSteps(
        periods,
        t -> {
          for (int c : ch) {
            targets[t][c] = value;
          }
        });
    return this;
  }

  /** Sets the channels of an output group to {@code values} in the given periods. */
  public TrialBuilder target(float[] values, String group, String... periods) {
    requireKind(TargetKind.CONTINUOUS);
    int[] ch = checked(outputLayout, group, values);
    forSteps(
        periods,
        t -> {
          for (int k = 0; k < ch.length; k++) {
            targets[t][ch[k]] = values[k];
          }
        });
    return this;
  }

  /** The continuous target array {@code [steps][channels]}. */
  public float[][] targets() {
    requireKind(TargetKind.CONTINUOUS);
    allocate();
    return targets;
  }

  /** The class target array {@code [steps]}. */
  public int[] classTargets() {
    requireKind(TargetKind.CLASS_INDEX);
    allocate();
    return classTargets;
  }

  /** Sets the loss weight in the given periods. */
  public TrialBuilder mask(float weight, String... periods) {
    forSteps(periods, t -> mask[t] = weight);
    return this;
  }

  /** Multiplies the loss weight of single steps, e.g. the first steps of a response. */
  public float[] maskArray() {
    allocate();
    return mask;
  }

  /** Records a per-trial fact for analyses (a number, boolean or string). */
  public TrialBuilder metadata(String key, Object value) {
    metadata.put(key, value);
    return this;
  }

  /**
   * Sets what the network is told before the trial's first step (see {@link
   * Trial#initialCondition()}); its length must be the task's {@code initialConditionSize()}. The
   * array is not copied.
   */
  public TrialBuilder initialCondition(float[] values) {
    initialCondition = values;
    return this;
  }

  /** The finished trial; periods sorted by start (then end). */
  public Trial build() {
    allocate();
    List<Period> list = new ArrayList<>();
    for (String name : periodsMs.keySet()) {
      list.add(period(name));
    }
    list.sort(Comparator.comparingInt(Period::startStep).thenComparingInt(Period::endStep));
    return new Trial(inputs, targets, classTargets, mask, list, metadata, initialCondition);
  }

  // ---------------------------------------------------------------- internals

  private interface StepAction {
    void at(int step);
  }

  private void forSteps(String[] periods, StepAction action) {
    allocate();
    if (periods.length == 0) {
      for (int t = 0; t < steps; t++) {
        action.at(t);
      }
      return;
    }
    boolean[] seen = new boolean[steps];
    for (String p : periods) {
      Period period = period(p);
      for (int t = period.startStep(); t < period.endStep(); t++) {
        if (!seen[t]) {
          seen[t] = true;
          action.at(t);
        }
      }
    }
  }

  private void allocate() {
    if (steps >= 0) {
      return;
    }
    if (periodsMs.isEmpty()) {
      throw new IllegalStateException("add the trial's periods first");
    }
    steps = (int) steps(endOfLast());
    inputs = new float[steps][inputLayout.size()];
    mask = new float[steps];
    Arrays.fill(mask, 1f);
    if (targetKind == TargetKind.CLASS_INDEX) {
      classTargets = new int[steps];
    } else {
      targets = new float[steps][outputLayout.size()];
    }
  }

  private void requireKind(TargetKind kind) {
    if (targetKind != kind) {
      throw new IllegalStateException("this trial has " + targetKind + " targets, not " + kind);
    }
  }

  private static int[] checked(ChannelLayout layout, String group, float[] values) {
    int[] ch = layout.indices(group);
    if (ch.length != values.length) {
      throw new IllegalArgumentException(
          "group '" + group + "' has " + ch.length + " channels, got " + values.length + " values");
    }
    return ch;
  }
}
