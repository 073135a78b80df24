package org.rnnlab.cli.task;

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
 * A small open-loop task with continuous targets and trials of different lengths, for what the
 * bundled plugins do not cover: odd trials are {@code [cue, delay, go]}, even trials {@code [cue,
 * go]}; the mask is 0 before {@code go}; metadata mixes a number, a boolean and a text.
 */
final class ContinuousTask implements OpenLoopTask {

  private final int inputs;
  private int drawn;

  /**
   * @param inputs number of input channels (more than {@link TrialFigure#MAX_LINE_CHANNELS} makes
   *     the figure draw them as a heatmap)
   */
  ContinuousTask(int inputs) {
    this.inputs = inputs;
  }

  static ConfiguredTask configured(int inputs) {
    return new ConfiguredTask(
        "reach", Map.of("dt", 10.0), List.of("dt=10"), new ContinuousTask(inputs));
  }

  @Override
  public double dtMs() {
    return 10;
  }

  @Override
  public List<String> inputChannels() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < inputs; i++) {
      names.add("cue-" + i);
    }
    return names;
  }

  @Override
  public List<String> outputChannels() {
    return List.of("x", "y");
  }

  @Override
  public TargetKind targetKind() {
    return TargetKind.CONTINUOUS;
  }

  @Override
  public Trial newTrial(RandomGenerator random) {
    boolean withDelay = drawn++ % 2 == 0;
    int steps = withDelay ? 30 : 20;
    List<Period> periods = new ArrayList<>();
    periods.add(new Period("cue", 0, 10));
    if (withDelay) {
      periods.add(new Period("delay", 10, 20));
    }
    periods.add(new Period("go", steps - 10, steps));
    float[][] in = new float[steps][inputs];
    float[][] target = new float[steps][2];
    float[] mask = new float[steps];
    double angle = random.nextDouble(2 * Math.PI);
    for (int s = 0; s < steps; s++) {
      for (int i = 0; i < inputs; i++) {
        in[s][i] = s < 10 ? (float) Math.cos(angle - i) : 0f;
      }
      if (s >= steps - 10) {
        target[s][0] = (float) Math.cos(angle);
        target[s][1] = (float) Math.sin(angle);
        mask[s] = 1;
      }
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("angle", angle);
    metadata.put("delayed", withDelay);
    metadata.put("label", withDelay ? "long" : "short");
    return new Trial(in, target, null, mask, periods, metadata);
  }
}
