package org.rnnlab.plugins.cognitive.neurogym;

import static org.rnnlab.plugins.cognitive.neurogym.NeuroGymSupport.period;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.Task;
import org.rnnlab.api.trial.ChannelLayout;
import org.rnnlab.api.trial.Timing;
import org.rnnlab.api.trial.TrialBuilder;

/**
 * NeuroGym's {@code DelayComparison} ({@code neurogym/envs/native/delaycomparison.py}), the Romo
 * parametric working-memory task: two vibrotactile frequencies f1 and f2 separated by a delay;
 * report whether f1 was higher than f2.
 *
 * <p>Periods, in order: {@code fixation} (default 500 ms), {@code stimulus1} (500 ms), {@code
 * delay} (1000 ms), {@code stimulus2} (500 ms), {@code decision} (100 ms); {@code dt} 100 ms. Per
 * trial, drawn uniformly in this order: the ground truth (1: f1 > f2, 2: f1 < f2) and a pair from
 * {@code vpairs}; on ground truth 1 f1 is the pair's larger value, on 2 its smaller.
 *
 * <p>Inputs: {@code fixation} is 1 in every period except {@code decision}; {@code stimulus} is
 * {@code (1 + (f − fmin)/(fmax − fmin))/2} (in [0.5, 1]; fmin, fmax over all pairs) during {@code
 * stimulus1} (f = f1) and {@code stimulus2} (f = f2), 0 elsewhere. As in the source, noise N(0,
 * sigma/sqrt(dt)) is added to both channels, fixation included, during the two stimulus periods.
 *
 * <p>Targets (classes {@code fixate, choice-1, choice-2}): the ground truth in the decision period,
 * 0 elsewhere. Mask 1 on every step. Metadata: {@code groundTruth}, {@code f1}, {@code f2} (Hz).
 *
 * <p>Condition: as NeuroGym's {@code new_trial(ground_truth=…)}, the ground truth can be given
 * ({@code groundTruth}, 1 (f1 > f2) or 2) instead of drawn, and the pair is still drawn; without it
 * the trials are the same as ever. Wrappers such as side-bias use this.
 *
 * <p>Default {@code vpairs} (Hz, flattened): 18/10, 22/14, 26/18, 30/22, 34/26. Deliberate
 * difference: the source assumes each pair lists the larger value first; here each pair is ordered
 * on reading, so ground truth 1 means f1 > f2 whatever order the user wrote, and pairs of two equal
 * values are rejected.
 */
@Extension
public final class DelayComparison implements Task {

  /** The id scripts use. */
  public static final String ID = "delay-comparison";

  /** Period names, in trial order. */
  public static final List<String> PERIODS =
      List.of("fixation", "stimulus1", "delay", "stimulus2", "decision");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "NeuroGym's delayed comparison task (Romo): report whether the first of two"
        + " frequencies separated by a delay was higher";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        NeuroGymSupport.dt(100),
        NeuroGymSupport.timing(
            period("fixation", 500, "Fixation before the first stimulus"),
            period("stimulus1", 500, "First stimulus, f1"),
            period("delay", 1000, "Memory delay"),
            period("stimulus2", 500, "Second stimulus, f2"),
            period("decision", 100, "Decision period; the comparison is the target")),
        ParameterSpec.numbers(
                "vpairs",
                List.of(18.0, 10.0, 22.0, 14.0, 26.0, 18.0, 30.0, 22.0, 34.0, 26.0),
                "Hz",
                "Frequency pairs, flattened (a1, b1, a2, b2, …); one pair is drawn per trial")
            .withMin(0),
        NeuroGymSupport.sigma());
  }

  /**
   * @throws IllegalArgumentException if dt is not positive, {@code vpairs} has an odd length, no
   *     pair or a pair of equal values, or the decision period can be shorter than one step
   */
  @Override
  public OpenLoopTask create(Parameters params) {
    double dt = NeuroGymSupport.dt(ID, params);
    Map<String, Timing> timing = NeuroGymSupport.timings(params, PERIODS.toArray(String[]::new));
    NeuroGymSupport.requireResponseStep(ID, timing, "decision", dt);
    double[] flat = NeuroGymSupport.nonNegative(ID, "vpairs", params.numbers("vpairs"));
    if (flat.length % 2 != 0) {
      throw new IllegalArgumentException(
          ID + ": 'vpairs' lists pairs, so it needs an even length, got " + Arrays.toString(flat));
    }
    int n = flat.length / 2;
    double[] high = new double[n];
    double[] low = new double[n];
    for (int i = 0; i < n; i++) {
      high[i] = Math.max(flat[2 * i], flat[2 * i + 1]);
      low[i] = Math.min(flat[2 * i], flat[2 * i + 1]);
      if (high[i] == low[i]) {
        throw new IllegalArgumentException(
            ID + ": pair " + (i + 1) + " of 'vpairs' has two equal values " + high[i]);
      }
    }
    double vmin = Arrays.stream(flat).min().orElseThrow();
    double vmax = Arrays.stream(flat).max().orElseThrow();
    double noise = params.number("sigma") / Math.sqrt(dt);
    ChannelLayout in = ChannelLayout.builder().single("fixation").single("stimulus").build();
    ChannelLayout out = ChannelLayout.builder().single("fixate").group("choice", 2).build();
    return NeuroGymSupport.instance(
        ID,
        dt,
        in,
        out,
        TargetKind.CLASS_INDEX,
        2,
        (random, given) -> {
          int groundTruth = given != null ? given : 1 + random.nextInt(2);
          int pair = random.nextInt(n);
          double f1 = groundTruth == 1 ? high[pair] : low[pair];
          double f2 = groundTruth == 1 ? low[pair] : high[pair];

          TrialBuilder b = new TrialBuilder(dt, in, out, TargetKind.CLASS_INDEX);
          b.periods(timing, random, PERIODS.toArray(String[]::new));
          b.setInput(1f, "fixation", "fixation", "stimulus1", "delay", "stimulus2");
          b.setInput((float) represent(f1, vmin, vmax), "stimulus", "stimulus1");
          b.setInput((float) represent(f2, vmin, vmax), "stimulus", "stimulus2");
          b.addNoise(noise, random, "fixation", "stimulus1", "stimulus2");
          b.addNoise(noise, random, "stimulus", "stimulus1", "stimulus2");
          b.classTarget(groundTruth, "decision");
          b.metadata("groundTruth", groundTruth);
          b.metadata("f1", f1);
          b.metadata("f2", f2);
          return b.build();
        });
  }

  /** The source's input code: the value scaled to [0, 1], then mapped to [0.5, 1]. */
  static double represent(double v, double vmin, double vmax) {
    return (1 + (v - vmin) / (vmax - vmin)) / 2;
  }
}
