package org.rnnlab.plugins.pointmass;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.random.RandomGenerator;
import org.rnnlab.api.task.ClosedLoopEpisode;
import org.rnnlab.api.task.ClosedLoopResult;
import org.rnnlab.api.task.ClosedLoopTask;

/**
 * The configured {@link PointMass} task. Immutable; each {@link #reset} returns an independent
 * episode.
 */
final class PointMassTask implements ClosedLoopTask {

  /** Fraction of the episode, from its start, that the loss ignores. */
  static final double UNMASKED_AFTER = 0.4;

  private final double dtMs;
  private final int steps;
  private final double mass;
  private final double damping;
  private final double targetRange;
  private final double maxForce;

  PointMassTask(
      double dtMs, int steps, double mass, double damping, double targetRange, double maxForce) {
    if (!(dtMs > 0) || !(mass > 0)) {
      throw new IllegalArgumentException(
          "point-mass needs dt > 0 ms and mass > 0 kg, got dt = " + dtMs + ", mass = " + mass);
    }
    if (steps < 1 || !(damping >= 0) || !(targetRange >= 0) || !(maxForce >= 0)) {
      throw new IllegalArgumentException(
          "point-mass needs steps >= 1 and damping, targetRange, maxForce >= 0, got "
              + steps
              + ", "
              + damping
              + ", "
              + targetRange
              + ", "
              + maxForce);
    }
    this.dtMs = dtMs;
    this.steps = steps;
    this.mass = mass;
    this.damping = damping;
    this.targetRange = targetRange;
    this.maxForce = maxForce;
  }

  @Override
  public double dtMs() {
    return dtMs;
  }

  @Override
  public List<String> inputChannels() {
    return List.of("target", "position", "velocity");
  }

  @Override
  public List<String> outputChannels() {
    return List.of("force");
  }

  @Override
  public int episodeSteps() {
    return steps;
  }

  /** Number of leading steps whose mask is 0. */
  int maskedSteps() {
    return (int) Math.floor(UNMASKED_AFTER * steps);
  }

  @Override
  public ClosedLoopEpisode reset(int batchSize, RandomGenerator random, NDManager manager) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
    float[] targets = new float[batchSize];
    for (int b = 0; b < batchSize; b++) {
      targets[b] = (float) ((2 * random.nextDouble() - 1) * targetRange);
    }
    return new Episode(batchSize, manager.create(targets, new Shape(batchSize, 1)), manager);
  }

  /** One batch of episodes; its arrays belong to the manager given to {@link #reset}. */
  private final class Episode implements ClosedLoopEpisode {
    private final int batchSize;
    private final NDManager manager;
    private final NDArray target;
    private final NDArray stepSeconds;
    private final NDArray inverseMass;
    private final NDArray dampingRate;
    private final NDArray forceLimit;
    private final NDArray inverseForceLimit;
    private final NDList positions = new NDList();
    private NDArray position;
    private NDArray velocity;
    private NDArray observation;

    Episode(int batchSize, NDArray target, NDManager manager) {
      this.batchSize = batchSize;
      this.manager = manager;
      this.target = target;
      // Constants as arrays of the episode's manager: never Java numbers inside the collector.
      this.stepSeconds = manager.create((float) (dtMs / 1000));
      this.inverseMass = manager.create((float) (1 / mass));
      this.dampingRate = manager.create((float) damping);
      this.forceLimit = maxForce > 0 ? manager.create((float) maxForce) : null;
      this.inverseForceLimit = maxForce > 0 ? manager.create((float) (1 / maxForce)) : null;
      this.position = manager.zeros(new Shape(batchSize, 1));
      this.velocity = manager.zeros(new Shape(batchSize, 1));
    }

    @Override
    public NDArray observation() {
      if (observation == null) {
        observation = NDArrays.concat(new NDList(target, position, velocity), 1);
      }
      return observation;
    }

    /**
     * @throws IllegalArgumentException if the action is not {@code [batch, 1]}
     * @throws IllegalStateException if the episode has already taken all its steps
     */
    @Override
    public void step(NDArray action) {
      if (positions.size() == steps) {
        throw new IllegalStateException("the episode has already taken its " + steps + " steps");
      }
      if (!action.getShape().equals(new Shape(batchSize, 1))) {
        throw new IllegalArgumentException(
            "point-mass actions are [" + batchSize + ", 1] (force), got " + action.getShape());
      }
      NDArray force =
          forceLimit == null ? action : action.mul(inverseForceLimit).tanh().mul(forceLimit);
      NDArray acceleration = force.mul(inverseMass).sub(velocity.mul(dampingRate));
      velocity = velocity.add(acceleration.mul(stepSeconds));
      position = position.add(velocity.mul(stepSeconds));
      positions.add(position);
      observation = null;
    }

    /**
     * @throws IllegalStateException if not every step has been taken
     */
    @Override
    public ClosedLoopResult result() {
      if (positions.size() != steps) {
        throw new IllegalStateException(
            "the episode has taken " + positions.size() + " of its " + steps + " steps");
      }
      NDArray controlled = NDArrays.stack(positions, 1);
      NDArray targets = target.expandDims(1).repeat(1, steps);
      float[] mask = new float[batchSize * steps];
      int masked = maskedSteps();
      for (int b = 0; b < batchSize; b++) {
        for (int t = masked; t < steps; t++) {
          mask[b * steps + t] = 1f;
        }
      }
      return new ClosedLoopResult(
          controlled, targets, manager.create(mask, new Shape(batchSize, steps)));
    }
  }
}
