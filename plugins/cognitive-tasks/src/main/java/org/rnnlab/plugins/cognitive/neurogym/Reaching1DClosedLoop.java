package org.rnnlab.plugins.cognitive.neurogym;

import static org.rnnlab.plugins.cognitive.neurogym.NeuroGymSupport.period;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.pf4j.Extension;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.task.ClosedLoopEpisode;
import org.rnnlab.api.task.ClosedLoopResult;
import org.rnnlab.api.task.ClosedLoopTask;
import org.rnnlab.api.task.Task;
import org.rnnlab.api.trial.ChannelLayout;
import org.rnnlab.api.trial.Timing;

/**
 * NeuroGym's {@code Reaching1D} in closed loop: the network's own outputs move its position around
 * the ring, and the {@code self} inputs show where they brought it. The teacher-forced form is
 * {@link Reaching1D}; this one needs no ideal agent and is evaluated on the states the network
 * itself reaches.
 *
 * <p>Episodes: {@code fixation} (default 500 ms) then {@code reach} (500 ms), {@code dt} 100 ms, so
 * five steps each. Both durations must be constants: every episode of a batch has the same length.
 * The target angle is drawn uniformly in [0, 2π) per episode; the position starts at π.
 *
 * <p>Inputs, as {@link Reaching1D} ({@code dimRing} = 16 units each, preferred angles {@code θ_k =
 * 2πk/dimRing}): {@code target-(k+1)} is {@code cos(θ_k − target)} during {@code reach} and 0
 * during {@code fixation}; {@code self-(k+1)} is {@code cos(θ_k − p_t)}, the position before the
 * step-t action. No noise (the source adds none).
 *
 * <p>Outputs {@code fixate, left, right} are read as logits of NeuroGym's three actions. The step
 * is their expectation under the softmax, {@code p_{t+1} = p_t + step·(P(left) − P(right))} with
 * {@code step = speed·dt} (0.05 rad per 100 ms step at the default 0.5 rad/s), which keeps the loss
 * differentiable through the dynamics; a network that puts all its probability on one action moves
 * exactly as the source's agent. Actions move the position in both periods, as in the source.
 *
 * <p>Result: {@code controlled} is {@code (cos p, sin p)} after each step's move and {@code
 * targets} {@code (cos target, sin target)}, both {@code [batch, steps, 2]}; the mask is 1 on
 * {@code reach} steps and 0 on {@code fixation} (the source gives no reward there). With the {@code
 * mse} loss (the mean over the two coordinates) each step costs {@code 1 − cos(p − target)}: 0 on
 * the target, 1 a quarter turn away, 2 opposite it; a smooth stand-in for the source's reward
 * {@code 1 − |p − target|}. An agent that never moves scores 1 on average over targets.
 *
 * <p>Differences from the source (docs/decisions/0024): the expected step instead of a sampled
 * action, the cosine cost instead of the reward, and the step as a speed so that halving dt keeps
 * the reach's extent. Stateless; {@link #create} validates the values.
 */
@Extension
public final class Reaching1DClosedLoop implements Task {

  /** The id scripts use. */
  public static final String ID = "reaching-1d-closed-loop";

  /** Creates the component; PF4J and Guice call this. */
  public Reaching1DClosedLoop() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "NeuroGym's 1-D reaching task in closed loop: the network's outputs step its position"
        + " on a ring towards the target; the loss is 1 - cos(position - target) during reach";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        NeuroGymSupport.dt(100),
        NeuroGymSupport.timing(
            period("fixation", 500, "Fixation; the target is not shown yet (a constant)"),
            period("reach", 500, "Target shown; step towards it (a constant)")),
        Reaching1D.speed(),
        Reaching1D.dimRing());
  }

  /**
   * @throws IllegalArgumentException if dt or speed is not positive and finite, a duration is not a
   *     constant, or the reach period is shorter than one step
   */
  @Override
  public ClosedLoopTask create(Parameters params) {
    double dt = NeuroGymSupport.dt(ID, params);
    Map<String, Timing> timing =
        NeuroGymSupport.timings(params, Reaching1D.PERIODS.toArray(String[]::new));
    for (Map.Entry<String, Timing> e : timing.entrySet()) {
      if (!(e.getValue() instanceof Timing.Constant)) {
        throw new IllegalArgumentException(
            ID
                + ": timing."
                + e.getKey()
                + " must be a number of ms (every episode of a batch has the same length), got "
                + e.getValue().toValue().toString().replace("=", ": "));
      }
    }
    NeuroGymSupport.requireResponseStep(ID, timing, "reach", dt);
    double speed = params.number("speed");
    if (!(speed > 0) || !Double.isFinite(speed)) {
      throw new IllegalArgumentException(ID + " needs speed > 0 rad/s, got " + speed);
    }
    int fixationSteps = NeuroGymSupport.steps(timing.get("fixation").meanMs(), dt);
    int reachSteps = NeuroGymSupport.steps(timing.get("reach").meanMs(), dt);
    return new Instance(dt, fixationSteps, reachSteps, speed * dt / 1000, params.count("dimRing"));
  }

  /** The configured task; immutable, each {@link #reset} returns an independent episode. */
  static final class Instance implements ClosedLoopTask {
    private final double dtMs;
    private final int fixationSteps;
    private final int reachSteps;
    private final double stepRad;
    private final int dimRing;

    Instance(double dtMs, int fixationSteps, int reachSteps, double stepRad, int dimRing) {
      this.dtMs = dtMs;
      this.fixationSteps = fixationSteps;
      this.reachSteps = reachSteps;
      this.stepRad = stepRad;
      this.dimRing = dimRing;
    }

    @Override
    public double dtMs() {
      return dtMs;
    }

    @Override
    public List<String> inputChannels() {
      return ChannelLayout.builder()
          .group("target", dimRing)
          .group("self", dimRing)
          .build()
          .names();
    }

    @Override
    public List<String> outputChannels() {
      return List.of("fixate", "left", "right");
    }

    @Override
    public int episodeSteps() {
      return fixationSteps + reachSteps;
    }

    /** Steps of the {@code fixation} period, at the start of every episode. */
    int fixationSteps() {
      return fixationSteps;
    }

    @Override
    public ClosedLoopEpisode reset(int batchSize, RandomGenerator random, NDManager manager) {
      if (batchSize < 1) {
        throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
      }
      float[] targets = new float[batchSize];
      for (int b = 0; b < batchSize; b++) {
        targets[b] = (float) (random.nextDouble() * 2 * Math.PI);
      }
      return new Episode(manager.create(targets, new Shape(batchSize, 1)), manager);
    }

    /** One batch of episodes; its arrays belong to the manager given to {@link #reset}. */
    private final class Episode implements ClosedLoopEpisode {
      private final int batchSize;
      private final NDManager manager;
      private final NDArray target;
      private final NDArray targetCode;
      private final NDArray hiddenTarget;
      private final NDArray preferredAngles;
      private final NDArray step;
      private final NDList moved = new NDList();
      private NDArray position;
      private NDArray observation;

      Episode(NDArray target, NDManager manager) {
        this.batchSize = (int) target.getShape().get(0);
        this.manager = manager;
        this.target = target;
        float[] angles = new float[dimRing];
        for (int k = 0; k < dimRing; k++) {
          angles[k] = (float) NeuroGymSupport.ringAngle(k, dimRing);
        }
        // Constants as arrays of the episode's manager: never Java numbers inside the collector.
        this.preferredAngles = manager.create(angles, new Shape(1, dimRing));
        this.targetCode = preferredAngles.sub(target).cos();
        this.hiddenTarget = manager.zeros(new Shape(batchSize, dimRing));
        this.step = manager.create((float) stepRad);
        this.position = manager.full(new Shape(batchSize, 1), (float) Reaching1D.START_RAD);
      }

      @Override
      public NDArray observation() {
        if (observation == null) {
          NDArray shown = moved.size() < fixationSteps ? hiddenTarget : targetCode;
          observation = NDArrays.concat(new NDList(shown, preferredAngles.sub(position).cos()), 1);
        }
        return observation;
      }

      /**
       * @throws IllegalArgumentException if the action is not {@code [batch, 3]}
       * @throws IllegalStateException if the episode has already taken all its steps
       */
      @Override
      public void step(NDArray action) {
        if (moved.size() == episodeSteps()) {
          throw new IllegalStateException(
              "the episode has already taken its " + episodeSteps() + " steps");
        }
        if (!action.getShape().equals(new Shape(batchSize, 3))) {
          throw new IllegalArgumentException(
              ID
                  + " actions are ["
                  + batchSize
                  + ", 3] (fixate, left, right logits), got "
                  + action.getShape());
        }
        NDArray probabilities = action.softmax(1);
        NDArray drift = probabilities.get(":, 1:2").sub(probabilities.get(":, 2:3"));
        position = position.add(drift.mul(step));
        moved.add(NDArrays.concat(new NDList(position.cos(), position.sin()), 1));
        observation = null;
      }

      /**
       * @throws IllegalStateException if not every step has been taken
       */
      @Override
      public ClosedLoopResult result() {
        int steps = episodeSteps();
        if (moved.size() != steps) {
          throw new IllegalStateException(
              "the episode has taken " + moved.size() + " of its " + steps + " steps");
        }
        NDArray controlled = NDArrays.stack(moved, 1);
        NDArray goal = NDArrays.concat(new NDList(target.cos(), target.sin()), 1);
        NDArray targets = goal.expandDims(1).repeat(1, steps);
        float[] mask = new float[batchSize * steps];
        for (int b = 0; b < batchSize; b++) {
          for (int t = fixationSteps; t < steps; t++) {
            mask[b * steps + t] = 1f;
          }
        }
        return new ClosedLoopResult(
            controlled, targets, manager.create(mask, new Shape(batchSize, steps)));
      }
    }
  }
}
