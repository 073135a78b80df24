package org.rnnlab.plugins.cognitive.ctdb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.pf4j.Extension;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.Period;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.Task;
import org.rnnlab.api.task.Trial;
import org.rnnlab.api.trial.ChannelLayout;

/**
 * CtDB's N-bit flip-flop ({@code NBitFlipFlop} in {@code ctd/task_modeling/task_env/task_env.py},
 * defaults of {@code configs/env_task/NBFF.yaml}; snel-repo/ComputationThruDynamicsBenchmark): each
 * of {@code bits} inputs carries rare +1 and −1 pulses, and the matching output must hold 1 after a
 * +1 pulse and 0 after a −1 pulse until the next pulse on that bit.
 *
 * <p>Id {@code n-bit-flip-flop}. <b>Channels.</b> Inputs {@code pulse-1 … pulse-n}, continuous
 * outputs {@code bit-1 … bit-n} (for {@code bits = 1}: {@code pulse} and {@code bit}).
 *
 * <p><b>Time is counted in steps</b>, as in the source, which has no time step: a trial lasts
 * {@code steps} steps (the source's {@code n_timesteps}, 500) and pulses are drawn per step. {@code
 * dt} (default 20 ms, CtDB's bin size in its other task) only says how long a step lasts, for leaky
 * models ({@code α = dt/τ}) and plots; changing it changes no trial. See decision 0010.
 *
 * <p><b>Pulses.</b> At every step and for every bit a uniform {@code u ∈ [0, 1)} is drawn; the
 * pulse is +1 if {@code u > 1 − switchProbability}, −1 if {@code u < switchProbability}, else 0, so
 * each sign has probability {@code switchProbability} (0.01) per step and bit. The first 3 steps
 * (period {@code quiet}) carry no pulse; the rest of the trial is period {@code pulses}.
 *
 * <p><b>Targets.</b> Each bit's state starts at 0; at each step a +1 pulse sets it to 1 and a −1
 * pulse sets it to 0 (a pulse that agrees with the state changes nothing), and the target at that
 * step is the state after that step's pulse: the new value counts from the pulse's own step on.
 * Before a bit's first pulse its target is 0, the source's reset state. Targets are therefore in
 * {0, 1} (the source's action space is [−0.5, 1.5]).
 *
 * <p><b>Noise.</b> N(0, {@code noise}²) is added to every input at every step, the quiet steps
 * included, after the pulses are drawn (source default 0.15). {@code dynamicNoise} (default 0) is
 * the source's training-time input noise, which its wrapper adds afresh on every forward pass;
 * since rnnlab draws fresh trials for every batch, it is added here as a second independent N(0,
 * {@code dynamicNoise}²) per input and step. Both are drawn even when zero, so for one seed the
 * pulses do not depend on the noise settings.
 *
 * <p><b>Mask and loss.</b> The task's mask is 1 everywhere. CtDB trains this task with {@code
 * NBFFLoss(transition_blind = 4)}, which zeroes the first 5 steps and the {@code transition_blind}
 * steps after every change of a target, per output; those weights depend on the targets alone and
 * belong to the loss ({@code nbff}, whose {@code transitionBlind} defaults to 4), so this task
 * declares no such parameter. The masked steps are counted by the loss, not here.
 *
 * <p><b>Metadata.</b> Per bit {@code k} (from 1): {@code bitKUpPulses}, {@code bitKDownPulses}
 * (pulses of each sign) and {@code bitKFlips} (steps at which its target changes); totals {@code
 * pulses} and {@code flips}.
 *
 * <p><b>Batching.</b> Every trial starts from state 0, so train with {@code batching: 'trials'} as
 * CtDB does (one trial per sequence); in a continuous stream the targets would drop to 0 at trial
 * boundaries with no pulse to explain it.
 */
@Extension
public final class NBitFlipFlop implements Task {

  /** The id scripts use. */
  public static final String ID = "n-bit-flip-flop";

  /** Steps at the start of every trial without pulses (the source zeroes the first 3 inputs). */
  public static final int QUIET_STEPS = 3;

  /** Creates the component; PF4J and Guice call this. */
  public NBitFlipFlop() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "CtDB's N-bit flip-flop: each output holds 1 after a +1 pulse on its input and 0 after"
        + " a -1 pulse, until the next pulse";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.integer("bits", 3, "", "Number of independent flip-flops (CtDB n: 3)")
            .withMin(1),
        ParameterSpec.integer(
                "steps", 500, "steps", "Length of every trial (CtDB n_timesteps: 500)")
            .withMin(QUIET_STEPS + 1),
        ParameterSpec.number(
                "dt",
                20.0,
                "ms",
                "Duration of one step, for leaky models and plots; trials are defined in steps"
                    + " and do not depend on it")
            .withRange(1, 1000),
        ParameterSpec.number(
                "switchProbability",
                0.01,
                "per step",
                "Probability of a +1 pulse, and separately of a -1 pulse, per step and bit (CtDB"
                    + " switch_prob: 0.01)")
            .withRange(0, 0.5),
        ParameterSpec.number(
                "noise",
                0.15,
                "",
                "Standard deviation of the Gaussian noise added to every input at every step"
                    + " (CtDB noise: 0.15)")
            .withMin(0),
        ParameterSpec.number(
                "dynamicNoise",
                0.0,
                "",
                "Standard deviation of a second, independent Gaussian input noise, CtDB's"
                    + " training-time dynamic_noise (default 0)")
            .withMin(0));
  }

  /**
   * @throws IllegalArgumentException if a value lies outside its declared range
   */
  @Override
  public OpenLoopTask create(Parameters params) {
    return new Instance(
        params.count("bits"),
        params.count("steps"),
        params.number("dt"),
        params.number("switchProbability"),
        params.number("noise"),
        params.number("dynamicNoise"));
  }

  /** The configured task; immutable, so it may be shared between trial streams. */
  static final class Instance implements OpenLoopTask {

    private final int bits;
    private final int steps;
    private final double dtMs;
    private final double switchProbability;
    private final double noise;
    private final double dynamicNoise;
    private final ChannelLayout inputs;
    private final ChannelLayout outputs;

    /**
     * @throws IllegalArgumentException naming the first value outside its range
     */
    Instance(
        int bits,
        int steps,
        double dtMs,
        double switchProbability,
        double noise,
        double dynamicNoise) {
      require(bits >= 1, "bits must be at least 1, got " + bits);
      require(
          steps > QUIET_STEPS,
          "steps must be at least " + (QUIET_STEPS + 1) + " (3 quiet steps first), got " + steps);
      require(dtMs > 0 && Double.isFinite(dtMs), "dt must be a positive number of ms, got " + dtMs);
      require(
          switchProbability >= 0 && switchProbability <= 0.5,
          "switchProbability must lie in [0, 0.5] (one probability per sign), got "
              + switchProbability);
      require(noise >= 0 && Double.isFinite(noise), "noise must be at least 0, got " + noise);
      require(
          dynamicNoise >= 0 && Double.isFinite(dynamicNoise),
          "dynamicNoise must be at least 0, got " + dynamicNoise);
      this.bits = bits;
      this.steps = steps;
      this.dtMs = dtMs;
      this.switchProbability = switchProbability;
      this.noise = noise;
      this.dynamicNoise = dynamicNoise;
      this.inputs = ChannelLayout.builder().group("pulse", bits).build();
      this.outputs = ChannelLayout.builder().group("bit", bits).build();
    }

    private static void require(boolean condition, String message) {
      if (!condition) {
        throw new IllegalArgumentException(ID + ": " + message);
      }
    }

    @Override
    public double dtMs() {
      return dtMs;
    }

    @Override
    public List<String> inputChannels() {
      return inputs.names();
    }

    @Override
    public List<String> outputChannels() {
      return outputs.names();
    }

    @Override
    public TargetKind targetKind() {
      return TargetKind.CONTINUOUS;
    }

    @Override
    public Trial newTrial(RandomGenerator random) {
      float[][] in = new float[steps][bits];
      float[][] target = new float[steps][bits];
      float[] mask = new float[steps];
      java.util.Arrays.fill(mask, 1f);
      // Pulses: drawn at every step, then the quiet steps are cleared, as in the source.
      for (int t = 0; t < steps; t++) {
        for (int b = 0; b < bits; b++) {
          double u = random.nextDouble();
          if (u > 1 - switchProbability) {
            in[t][b] = 1f;
          }
          if (u < switchProbability) {
            in[t][b] = -1f;
          }
        }
      }
      for (int t = 0; t < QUIET_STEPS; t++) {
        java.util.Arrays.fill(in[t], 0f);
      }
      // Targets: the state after each step's pulse, from 0.
      int[] up = new int[bits];
      int[] down = new int[bits];
      int[] flips = new int[bits];
      float[] state = new float[bits];
      for (int t = 0; t < steps; t++) {
        for (int b = 0; b < bits; b++) {
          float next = state[b];
          if (in[t][b] == 1f) {
            next = 1f;
            up[b]++;
          } else if (in[t][b] == -1f) {
            next = 0f;
            down[b]++;
          }
          if (next != state[b]) {
            flips[b]++;
          }
          state[b] = next;
          target[t][b] = next;
        }
      }
      // Noise after the pulses, drawn even when zero so that pulses do not depend on it.
      for (int t = 0; t < steps; t++) {
        for (int b = 0; b < bits; b++) {
          in[t][b] += (float) (noise * random.nextGaussian());
        }
      }
      for (int t = 0; t < steps; t++) {
        for (int b = 0; b < bits; b++) {
          in[t][b] += (float) (dynamicNoise * random.nextGaussian());
        }
      }
      Map<String, Object> metadata = new LinkedHashMap<>();
      int totalPulses = 0;
      int totalFlips = 0;
      for (int b = 0; b < bits; b++) {
        String bit = "bit" + (b + 1);
        metadata.put(bit + "UpPulses", up[b]);
        metadata.put(bit + "DownPulses", down[b]);
        metadata.put(bit + "Flips", flips[b]);
        totalPulses += up[b] + down[b];
        totalFlips += flips[b];
      }
      metadata.put("pulses", totalPulses);
      metadata.put("flips", totalFlips);
      List<Period> periods =
          List.of(new Period("quiet", 0, QUIET_STEPS), new Period("pulses", QUIET_STEPS, steps));
      return new Trial(in, target, null, mask, periods, metadata);
    }
  }
}
