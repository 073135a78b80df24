package org.rnnlab.plugins.cognitive.neurogym;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.Trial;
import org.rnnlab.api.trial.ChannelLayout;
import org.rnnlab.api.trial.RingCoding;
import org.rnnlab.api.trial.Timing;

/**
 * Declarations, validation and small helpers shared by the NeuroGym tasks of this package.
 *
 * <p>Conventions every task here follows: {@code dt} in ms (NeuroGym's default for the task), a
 * {@code timing} group of {@link ParameterSpec#timing} fields in trial order, stimulus noise with
 * standard deviation {@code sigma/sqrt(dt)} per step where the source adds noise, class 0 = fixate.
 */
final class NeuroGymSupport {

  /** Relative slack when flooring to dt, the same as {@code TrialBuilder}'s. */
  private static final double FLOOR_SLACK = 1e-9;

  private NeuroGymSupport() {}

  // ------------------------------------------------------------------ declarations

  static ParameterSpec dt(double defaultMs) {
    return ParameterSpec.number(
            "dt", defaultMs, "ms", "Time step; every period duration is floored to it")
        .withMin(0);
  }

  static ParameterSpec timing(ParameterSpec... periods) {
    return ParameterSpec.group(
        "timing",
        "Period durations in ms, in trial order: a number, a list to choose from, or a"
            + " distribution such as {uniform: [low, high]}",
        periods);
  }

  static ParameterSpec period(String name, Timing defaultTiming, String text) {
    return ParameterSpec.timing(name, defaultTiming, text);
  }

  static ParameterSpec period(String name, double defaultMs, String text) {
    return ParameterSpec.timing(name, Timing.constant(defaultMs), text);
  }

  static ParameterSpec sigma() {
    return ParameterSpec.number(
            "sigma",
            1.0,
            "sqrt(ms)",
            "Stimulus noise; its standard deviation per step is sigma/sqrt(dt), as in NeuroGym")
        .withMin(0);
  }

  static ParameterSpec dimRing(String text) {
    return dimRing(2, text);
  }

  static ParameterSpec dimRing(long defaultValue, String text) {
    return ParameterSpec.integer("dimRing", defaultValue, "", text).withMin(2);
  }

  // ------------------------------------------------------------------ validation

  /** The time step, checked to be positive and finite. */
  static double dt(String id, Parameters params) {
    double dt = params.number("dt");
    if (!(dt > 0) || !Double.isFinite(dt)) {
      throw new IllegalArgumentException(id + " needs dt > 0 ms, got " + dt);
    }
    return dt;
  }

  /** The timings of the named periods, in the given order. */
  static Map<String, Timing> timings(Parameters params, String... names) {
    Parameters group = params.group("timing");
    Map<String, Timing> out = new LinkedHashMap<>();
    for (String name : names) {
      out.put(name, group.timing(name));
    }
    return out;
  }

  /**
   * Rejects a response period that can floor to zero steps, where the network would never be asked
   * to respond. {@code until} timings depend on where the period starts and are not checked.
   */
  static void requireResponseStep(String id, Map<String, Timing> timing, String period, double dt) {
    double min = minMs(timing.get(period));
    if (steps(min, dt) < 1) {
      throw new IllegalArgumentException(
          id
              + ": timing."
              + period
              + " can be "
              + min
              + " ms, shorter than dt = "
              + dt
              + " ms, so the "
              + period
              + " period would have no step and the network would never respond");
    }
  }

  /** The shortest duration a timing can give (for {@code until}, +∞: not checkable here). */
  static double minMs(Timing t) {
    if (t instanceof Timing.Constant c) {
      return c.ms();
    }
    if (t instanceof Timing.Uniform u) {
      return u.lowMs();
    }
    if (t instanceof Timing.Choice c) {
      return c.ms().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }
    if (t instanceof Timing.TruncatedExponential e) {
      return e.minMs() >= e.maxMs() ? e.maxMs() : e.minMs();
    }
    return Double.POSITIVE_INFINITY;
  }

  /** Finite values ≥ 0, at least one. */
  static double[] nonNegative(String id, String name, double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException(id + ": '" + name + "' must not be empty");
    }
    for (double v : values) {
      if (!(v >= 0) || !Double.isFinite(v)) {
        throw new IllegalArgumentException(
            id + ": '" + name + "' values are finite and >= 0, got " + Arrays.toString(values));
      }
    }
    return values.clone();
  }

  /** {@code floor(ms/dt)} with the builder's slack. */
  static int steps(double ms, double dt) {
    return (int) Math.min(Integer.MAX_VALUE, Math.floor(ms / dt * (1 + FLOOR_SLACK)));
  }

  // ------------------------------------------------------------------ stimuli

  /** NeuroGym's ring angles {@code 2πk/n}, k = 0..n−1 ({@code np.linspace(0, 2π, n+1)[:-1]}). */
  static double ringAngle(int k, int n) {
    return 2 * Math.PI * k / n;
  }

  /** {@code cos(θ_k − θ)·scale + offset} for every unit k of a ring of {@code n}. */
  static float[] cosine(double theta, int n, double scale, double offset) {
    double[] preferred = RingCoding.preferred(n);
    float[] out = new float[n];
    for (int k = 0; k < n; k++) {
      out[k] = (float) (Math.cos(preferred[k] - theta) * scale + offset);
    }
    return out;
  }

  // ------------------------------------------------------------------ instances

  /** Draws one trial; all randomness from the given generator. */
  interface TrialSource {
    Trial draw(RandomGenerator random);
  }

  /**
   * Draws one trial whose ground truth may be given (NeuroGym's {@code new_trial(ground_truth=…)}).
   */
  interface ConditionedTrialSource {
    /**
     * @param groundTruth the class the trial must ask for, already checked to be in range, or null
     *     to draw it as the task always does (so that trials without conditions are unchanged)
     */
    Trial draw(RandomGenerator random, Integer groundTruth);
  }

  /** An open-loop task over the given layouts whose trials come from {@code source}. */
  static OpenLoopTask instance(
      double dt, ChannelLayout inputs, ChannelLayout outputs, TargetKind kind, TrialSource source) {
    return new Instance(dt, inputs, outputs, kind) {
      @Override
      public Trial newTrial(RandomGenerator random) {
        return source.draw(random);
      }
    };
  }

  /**
   * An open-loop task whose ground truth a caller (such as the side-bias or trial-history wrapper)
   * can fix: {@link OpenLoopTask#conditions()} is {@code {groundTruth}}, a given ground truth must
   * be a whole number in {@code 1..choices} and is passed to {@code source}, and without conditions
   * {@code source} gets null and draws it.
   *
   * @param id the task's id, for error messages
   * @param choices the number of classes the ground truth can be, classes 1..choices
   */
  static OpenLoopTask instance(
      String id,
      double dt,
      ChannelLayout inputs,
      ChannelLayout outputs,
      TargetKind kind,
      int choices,
      ConditionedTrialSource source) {
    return instance(
        id, dt, inputs, outputs, kind, IntStream.rangeClosed(1, choices).boxed().toList(), source);
  }

  /**
   * As {@link #instance(String, double, ChannelLayout, ChannelLayout, TargetKind, int,
   * ConditionedTrialSource)}, for a task whose ground truth can also be class 0 (keep fixating, as
   * on a no-go trial): a given ground truth must be one of {@code choices}, which are also the
   * task's {@link OpenLoopTask#groundTruthChoices()}.
   */
  static OpenLoopTask instance(
      String id,
      double dt,
      ChannelLayout inputs,
      ChannelLayout outputs,
      TargetKind kind,
      List<Integer> choices,
      ConditionedTrialSource source) {
    List<Integer> groundTruthChoices = List.copyOf(choices);
    return new Instance(dt, inputs, outputs, kind) {
      @Override
      public Trial newTrial(RandomGenerator random) {
        return newTrial(random, Map.of());
      }

      @Override
      public Set<String> conditions() {
        return Set.of(GROUND_TRUTH);
      }

      @Override
      public List<Integer> groundTruthChoices() {
        return groundTruthChoices;
      }

      /**
       * @throws IllegalArgumentException if a condition other than {@code groundTruth} is given, or
       *     the ground truth is not one of the choices
       */
      @Override
      public Trial newTrial(RandomGenerator random, Map<String, Object> conditions) {
        return source.draw(random, groundTruth(id, groundTruthChoices, conditions));
      }
    };
  }

  /** The given ground truth, checked to be one of {@code choices}, or null when none is given. */
  private static Integer groundTruth(
      String id, List<Integer> choices, Map<String, Object> conditions) {
    for (String key : conditions.keySet()) {
      if (!OpenLoopTask.GROUND_TRUTH.equals(key)) {
        throw new IllegalArgumentException(
            id + " can be given only its " + OpenLoopTask.GROUND_TRUTH + ", not '" + key + "'");
      }
    }
    if (!conditions.containsKey(OpenLoopTask.GROUND_TRUTH)) {
      return null;
    }
    Object value = conditions.get(OpenLoopTask.GROUND_TRUTH);
    if (value instanceof Number n) {
      double v = n.doubleValue();
      if (v == Math.rint(v) && choices.contains((int) v)) {
        return (int) v;
      }
    }
    throw new IllegalArgumentException(
        id
            + ": "
            + OpenLoopTask.GROUND_TRUTH
            + " must be "
            + describeChoices(choices)
            + ", got "
            + value);
  }

  /**
   * "a class 0..1" or "a class 1..32" for consecutive classes, "one of the classes [1, 3]"
   * otherwise.
   */
  private static String describeChoices(List<Integer> choices) {
    int first = choices.get(0);
    for (int i = 0; i < choices.size(); i++) {
      if (choices.get(i) != first + i) {
        return "one of the classes " + choices;
      }
    }
    return "a class " + first + ".." + (first + choices.size() - 1);
  }

  /** What every instance of this package shares: dt, channel names and target kind. */
  private abstract static class Instance implements OpenLoopTask {
    private final double dt;
    private final List<String> in;
    private final List<String> out;
    private final TargetKind kind;

    Instance(double dt, ChannelLayout inputs, ChannelLayout outputs, TargetKind kind) {
      this.dt = dt;
      this.in = inputs.names();
      this.out = outputs.names();
      this.kind = kind;
    }

    @Override
    public double dtMs() {
      return dt;
    }

    @Override
    public List<String> inputChannels() {
      return in;
    }

    @Override
    public List<String> outputChannels() {
      return out;
    }

    @Override
    public TargetKind targetKind() {
      return kind;
    }
  }
}
