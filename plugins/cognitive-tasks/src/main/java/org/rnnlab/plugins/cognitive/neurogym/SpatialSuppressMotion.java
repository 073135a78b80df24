package org.rnnlab.plugins.cognitive.neurogym;

import static org.rnnlab.plugins.cognitive.neurogym.NeuroGymSupport.period;

import java.util.List;
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
 * NeuroGym's {@code SpatialSuppressMotion} ({@code neurogym/envs/native/spatialsuppressmotion.py},
 * after Tadin et al. 2003): a drifting stimulus, either small at low contrast or large at high
 * contrast; at every frame the targets are the probabilities with which human observers report each
 * of four motion directions after viewing it that long.
 *
 * <p>One period, {@code stimulus} (default 300 ms); {@code dt} 8.3 ms (one frame of a 120 Hz
 * monitor), so the default trial has 36 frames. No fixation and no decision period. Per trial,
 * drawn uniformly in this order: the direction {@code d} (left, right, up, down) and the condition:
 * contrast 0.05 with diameter 1, or contrast 0.99 with diameter 8.
 *
 * <p>Inputs: 32 channels, four direction pools of eight size units, {@code left-1 … left-8}, {@code
 * right-*}, {@code up-*}, {@code down-*}. During the stimulus, unit {@code s} of pool {@code k} is
 * {@code (cos(θ_k − θ_d) + 1)·contrast/2} when {@code s ≤ diameter} and 0 otherwise, with {@code θ}
 * = −π/2, π/2, 0, π for left, right, up, down. No noise (the source adds none).
 *
 * <p>Targets (continuous, channels {@code left, right, up, down}, summing to 1 at every step): the
 * probability of reporting {@code d}, of reporting the opposite direction, and half the remainder
 * for each orthogonal direction, as piecewise-linear functions of the frame (the source's measured
 * values per condition, linearly interpolated between frames 0–6, 7, 8, 9, 12, 14, 17, 20, 27, 35,
 * 36, 37, 38 and extrapolated beyond). Mask 1 on every step. Metadata: {@code groundTruth} ({@code
 * d}: 1 left, 2 right, 3 up, 4 down), {@code contrast}, {@code diameter}.
 *
 * <p>Deliberate difference: the source reads its curves at the step index, so at another dt they
 * would describe other times; here step {@code t} reads them at frame {@code t·dt/8.3}, the same
 * time in ms, which is the source's reading at the default dt.
 */
@Extension
public final class SpatialSuppressMotion implements Task {

  /** The id scripts use. */
  public static final String ID = "spatial-suppress-motion";

  /** Period names, in trial order. */
  public static final List<String> PERIODS = List.of("stimulus");

  /** Duration of one frame of the source's curves, in ms. */
  public static final double FRAME_MS = 8.3;

  /** Direction names, in the source's order. */
  static final List<String> DIRECTIONS = List.of("left", "right", "up", "down");

  private static final double[] THETA = {-Math.PI / 2, Math.PI / 2, 0, Math.PI};
  private static final int[] OPPOSITE = {1, 0, 3, 2};
  private static final int SIZES = 8;

  /** Frames (from 0) at which the source gives its measured probabilities. */
  private static final double[] FRAMES = {
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 14, 17, 20, 27, 35, 36, 37, 38
  };

  private static final double[] HIGH_CORRECT = {
    0.249, 0.249, 0.249, 0.249, 0.249, 0.249, 0.249, 0.249, 0.249, 0.249, 0.27, 0.32, 0.4583, 0.65,
    0.85, 0.99, 0.99, 0.99, 0.99
  };
  private static final double[] HIGH_OPPOSITE = {
    0.249, 0.249, 0.249, 0.249, 0.249, 0.249, 0.249, 0.249, 0.29, 0.31, 0.4, 0.475, 0.4167, 0.3083,
    0.075, 0.04, 0.04, 0.03, 0.03
  };
  private static final double[] LOW_CORRECT = {
    0.249, 0.249, 0.249, 0.249, 0.249, 0.249, 0.249, 0.25, 0.26, 0.2583, 0.325, 0.45, 0.575, 0.875,
    0.933, 0.99, 0.99, 0.99, 0.99
  };
  private static final double[] LOW_OPPOSITE = {
    0.249, 0.249, 0.249, 0.249, 0.249, 0.249, 0.249, 0.25, 0.26, 0.2583, 0.267, 0.1417, 0.1167,
    0.058, 0.016, 0.003, 0.003, 0.003, 0.003
  };

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "NeuroGym's spatial suppression motion task (Tadin 2003): reproduce human four-direction"
        + " report probabilities over viewing time";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        NeuroGymSupport.dt(FRAME_MS),
        NeuroGymSupport.timing(period("stimulus", 300, "Stimulus; the targets follow it")));
  }

  /**
   * @throws IllegalArgumentException if dt is not positive or the stimulus can be shorter than one
   *     step
   */
  @Override
  public OpenLoopTask create(Parameters params) {
    double dt = NeuroGymSupport.dt(ID, params);
    Timing stimulus = params.group("timing").timing("stimulus");
    NeuroGymSupport.requireResponseStep(
        ID, NeuroGymSupport.timings(params, "stimulus"), "stimulus", dt);
    ChannelLayout.Builder inBuilder = ChannelLayout.builder();
    ChannelLayout.Builder outBuilder = ChannelLayout.builder();
    for (String direction : DIRECTIONS) {
      inBuilder.group(direction, SIZES);
      outBuilder.single(direction);
    }
    ChannelLayout in = inBuilder.build();
    ChannelLayout out = outBuilder.build();
    return NeuroGymSupport.instance(
        dt,
        in,
        out,
        TargetKind.CONTINUOUS,
        random -> {
          int direction = random.nextInt(DIRECTIONS.size());
          boolean high = random.nextInt(2) == 1;
          double contrast = high ? 0.99 : 0.05;
          int diameter = high ? 8 : 1;

          TrialBuilder b = new TrialBuilder(dt, in, out, TargetKind.CONTINUOUS);
          b.period("stimulus", stimulus, random);
          for (int k = 0; k < DIRECTIONS.size(); k++) {
            float[] pool = new float[SIZES];
            float value = (float) ((Math.cos(THETA[k] - THETA[direction]) + 1) * contrast / 2);
            for (int s = 0; s < diameter; s++) {
              pool[s] = value;
            }
            b.setInput(pool, DIRECTIONS.get(k), "stimulus");
          }
          float[][] targets = b.targets();
          for (int t = 0; t < targets.length; t++) {
            double frame = t * dt / FRAME_MS;
            double correct = interpolate(high ? HIGH_CORRECT : LOW_CORRECT, frame);
            double opposite = interpolate(high ? HIGH_OPPOSITE : LOW_OPPOSITE, frame);
            double orthogonal = (1 - correct - opposite) / 2;
            for (int k = 0; k < DIRECTIONS.size(); k++) {
              targets[t][k] = (float) orthogonal;
            }
            targets[t][direction] = (float) correct;
            targets[t][OPPOSITE[direction]] = (float) opposite;
          }
          b.metadata("groundTruth", direction + 1);
          b.metadata("contrast", contrast);
          b.metadata("diameter", diameter);
          return b.build();
        });
  }

  /** Piecewise-linear through (FRAMES, values), extended linearly beyond both ends. */
  static double interpolate(double[] values, double frame) {
    int last = FRAMES.length - 1;
    int i = 0;
    while (i < last - 1 && frame > FRAMES[i + 1]) {
      i++;
    }
    double x0 = FRAMES[i];
    double x1 = FRAMES[i + 1];
    return values[i] + (values[i + 1] - values[i]) * (frame - x0) / (x1 - x0);
  }

  /** The measured curves: correct and opposite direction, for high or low contrast. */
  static double[] curve(boolean highContrast, boolean correct) {
    if (highContrast) {
      return (correct ? HIGH_CORRECT : HIGH_OPPOSITE).clone();
    }
    return (correct ? LOW_CORRECT : LOW_OPPOSITE).clone();
  }
}
