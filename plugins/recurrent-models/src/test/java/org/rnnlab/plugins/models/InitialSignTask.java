package org.rnnlab.plugins.models;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.Period;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.Task;
import org.rnnlab.api.task.TaskInstance;
import org.rnnlab.api.task.Trial;

/**
 * A task only an encoder can solve: each trial gives an initial condition c of {@code size}
 * standard-normal values and no input (one channel of zeros); the target at every step is the sign
 * of c[0] (class 1 positive, class 0 negative), so the network must start from a state that knows
 * it and keep it.
 */
final class InitialSignTask implements Task {

  @Override
  public String id() {
    return "initial-sign";
  }

  @Override
  public String description() {
    return "Hold the sign of the first value of the trial's initial condition, with no input";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.integer("size", 4, "values", "Initial condition size").withMin(1),
        ParameterSpec.integer("steps", 10, "steps", "Trial length").withMin(1));
  }

  @Override
  public TaskInstance create(Parameters params) {
    int size = params.count("size");
    int steps = params.count("steps");
    return new OpenLoopTask() {
      @Override
      public double dtMs() {
        return 20;
      }

      @Override
      public List<String> inputChannels() {
        return List.of("nothing");
      }

      @Override
      public List<String> outputChannels() {
        return List.of("negative", "positive");
      }

      @Override
      public TargetKind targetKind() {
        return TargetKind.CLASS_INDEX;
      }

      @Override
      public int initialConditionSize() {
        return size;
      }

      @Override
      public Trial newTrial(RandomGenerator random) {
        float[] c = new float[size];
        for (int i = 0; i < size; i++) {
          c[i] = (float) random.nextGaussian();
        }
        int[] targets = new int[steps];
        Arrays.fill(targets, c[0] > 0 ? 1 : 0);
        float[] mask = new float[steps];
        Arrays.fill(mask, 1f);
        return new Trial(
            new float[steps][1],
            null,
            targets,
            mask,
            List.of(new Period("hold", 0, steps)),
            Map.of("positive", c[0] > 0),
            c);
      }
    };
  }
}
