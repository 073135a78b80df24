package org.rnnlab.plugins.losses;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.random.RandomGenerator;
import org.rnnlab.api.loss.LossContext;
import org.rnnlab.api.task.ClosedLoopEpisode;
import org.rnnlab.api.task.ClosedLoopTask;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.Trial;

/** Task stand-ins for {@link LossContext}s: only their kind and target kind matter. */
final class Tasks {

  private Tasks() {}

  static OpenLoopTask openLoop(TargetKind kind) {
    return new OpenLoopTask() {
      @Override
      public double dtMs() {
        return 10;
      }

      @Override
      public List<String> inputChannels() {
        return List.of("in");
      }

      @Override
      public List<String> outputChannels() {
        return List.of("a", "b");
      }

      @Override
      public TargetKind targetKind() {
        return kind;
      }

      @Override
      public Trial newTrial(RandomGenerator random) {
        throw new UnsupportedOperationException("not drawn in these tests");
      }
    };
  }

  static ClosedLoopTask closedLoop() {
    return new ClosedLoopTask() {
      @Override
      public double dtMs() {
        return 10;
      }

      @Override
      public List<String> inputChannels() {
        return List.of("goal-x", "goal-y");
      }

      @Override
      public List<String> outputChannels() {
        return List.of("force-x", "force-y");
      }

      @Override
      public int episodeSteps() {
        return 10;
      }

      @Override
      public ClosedLoopEpisode reset(int batchSize, RandomGenerator random, NDManager manager) {
        throw new UnsupportedOperationException("not run in these tests");
      }
    };
  }

  /** An open-loop task with continuous targets and the given periods, for a model's parameters. */
  static LossContext continuous(List<String> periods, List<String> parameters) {
    return LossContext.of(openLoop(TargetKind.CONTINUOUS), periods, parameters);
  }

  static LossContext classes(List<String> periods) {
    return LossContext.of(openLoop(TargetKind.CLASS_INDEX), periods, List.of());
  }

  static LossContext closed(List<String> parameters) {
    return LossContext.of(closedLoop(), List.of(), parameters);
  }
}
