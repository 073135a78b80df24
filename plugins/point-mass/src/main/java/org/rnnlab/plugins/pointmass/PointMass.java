package org.rnnlab.plugins.pointmass;

import java.util.List;
import org.pf4j.Extension;
import org.rnnlab.api.component.ParameterSpec;
import org.rnnlab.api.component.Parameters;
import org.rnnlab.api.task.ClosedLoopTask;
import org.rnnlab.api.task.Task;

/**
 * A closed-loop task: the network pushes a damped 1-D point mass to a cued target and holds it
 * there. It is the smallest environment that exercises the closed-loop API end to end (reset, step
 * on tensors, back-propagation through the dynamics).
 *
 * <p>Each episode draws a target {@code x* ~ U(−targetRange, targetRange)} m; the mass starts at
 * rest at 0. At every step the network sees {@code [target (m), position (m), velocity (m/s)]} and
 * outputs one channel, {@code force}. The dynamics are semi-implicit Euler with {@code dt_s = dt /
 * 1000}:
 *
 * <pre>
 * F  = action                                    (maxForce = 0)
 * F  = maxForce · tanh(action / maxForce)        (maxForce &gt; 0: a smooth force limit, ≈ action
 *                                                 for |action| ≪ maxForce)
 * v' = v + (F/mass − damping·v)·dt_s
 * p' = p + v'·dt_s
 * </pre>
 *
 * <p>The result compares the position after each step with the target: {@code controlled} and
 * {@code targets} are {@code [batch, steps, 1]}; the mask is 0 for the first 40 % of the steps
 * ({@code floor(0.4·steps)}) and 1 afterwards, so the mass must get there and stay. Use it with the
 * {@code mse} loss.
 *
 * <p>Stateless; {@link #create} validates the values and returns a new task instance.
 */
@Extension
public final class PointMass implements Task {

  /** The id scripts use. */
  public static final String ID = "point-mass";

  /** Creates the component; PF4J and Guice call this. */
  public PointMass() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Closed loop: push a damped 1-D point mass to a cued target and hold it there";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.number("dt", 20.0, "ms", "Time step of the simulation (> 0)").withMin(0),
        ParameterSpec.integer("steps", 50, "steps", "Episode length").withMin(1),
        ParameterSpec.number("mass", 1.0, "kg", "Mass of the point (> 0)").withMin(0),
        ParameterSpec.number("damping", 2.0, "1/s", "Viscous damping rate").withMin(0),
        ParameterSpec.number(
                "targetRange", 1.0, "m", "Targets are drawn uniformly from [-range, range]")
            .withMin(0),
        ParameterSpec.number(
                "maxForce",
                0.0,
                "N",
                "Smooth force limit F = maxForce*tanh(action/maxForce); 0 means no limit")
            .withMin(0));
  }

  /**
   * @throws IllegalArgumentException if {@code dt} or {@code mass} is not positive
   */
  @Override
  public ClosedLoopTask create(Parameters params) {
    return new PointMassTask(
        params.number("dt"),
        params.count("steps"),
        params.number("mass"),
        params.number("damping"),
        params.number("targetRange"),
        params.number("maxForce"));
  }
}
