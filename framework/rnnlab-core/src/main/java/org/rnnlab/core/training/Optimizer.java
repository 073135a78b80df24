package org.rnnlab.core.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rnnlab.api.spec.OptimizerSpec;

/**
 * Adam and SGD (with momentum) as PyTorch defines them, written here so that their state can be
 * checkpointed and restored exactly (DJL's optimisers keep their state private).
 *
 * <p>Updates run outside any gradient collector and change the parameter arrays in place. Not
 * thread-safe.
 */
public final class Optimizer {

  private final OptimizerSpec spec;
  private final NDManager manager;
  private final Map<String, NDArray> first = new LinkedHashMap<>();
  private final Map<String, NDArray> second = new LinkedHashMap<>();
  private long updates;

  /**
   * @param manager owns the optimiser's state for the whole run
   */
  public Optimizer(OptimizerSpec spec, NDManager manager) {
    this.spec = spec;
    this.manager = manager;
  }

  /** Number of updates applied so far. */
  public long updates() {
    return updates;
  }

  /**
   * Applies one update.
   *
   * @param parameters the network's parameters, updated in place
   * @param gradients their gradients, same keys; consumed (not closed)
   */
  public void update(Map<String, NDArray> parameters, Map<String, NDArray> gradients) {
    updates++;
    for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
      String name = e.getKey();
      NDArray weight = e.getValue();
      NDArray grad = gradients.get(name);
      try (NDManager scratch = manager.newSubManager()) {
        NDArray g = grad;
        if (spec.weightDecay() != 0) {
          NDArray decay = weight.mul((float) spec.weightDecay());
          decay.attach(scratch);
          g = grad.add(decay);
          g.attach(scratch);
        }
        switch (spec.id()) {
          case "adam" -> adam(name, weight, g, scratch);
          case "sgd" -> sgd(name, weight, g, scratch);
          default -> throw new IllegalStateException("unknown optimizer " + spec.id());
        }
      }
    }
  }

  private void adam(String name, NDArray weight, NDArray g, NDManager scratch) {
    NDArray m = first.computeIfAbsent(name, k -> manager.zeros(weight.getShape()));
    NDArray v = second.computeIfAbsent(name, k -> manager.zeros(weight.getShape()));
    float b1 = (float) spec.beta1();
    float b2 = (float) spec.beta2();
    NDArray gm = g.mul(1 - b1);
    gm.attach(scratch);
    m.muli(b1).addi(gm);
    NDArray g2 = g.square().muli(1 - b2);
    g2.attach(scratch);
    v.muli(b2).addi(g2);
    double bias1 = 1 - Math.pow(spec.beta1(), updates);
    double bias2 = 1 - Math.pow(spec.beta2(), updates);
    NDArray denom = v.sqrt().divi((float) Math.sqrt(bias2)).addi((float) spec.epsilon());
    denom.attach(scratch);
    NDArray step = m.div(denom).muli((float) (spec.learningRate() / bias1));
    step.attach(scratch);
    weight.subi(step);
  }

  private void sgd(String name, NDArray weight, NDArray g, NDManager scratch) {
    NDArray direction = g;
    if (spec.momentum() != 0) {
      NDArray buf = first.get(name);
      if (buf == null) {
        buf = g.duplicate();
        buf.attach(manager);
        first.put(name, buf);
      } else {
        buf.muli((float) spec.momentum()).addi(g);
      }
      direction = buf;
    }
    NDArray step = direction.mul((float) spec.learningRate());
    step.attach(scratch);
    weight.subi(step);
  }

  /** The optimiser's state as named arrays, for checkpoints. */
  public Map<String, NDArray> state() {
    Map<String, NDArray> out = new LinkedHashMap<>();
    first.forEach((k, v) -> out.put("first/" + k, v));
    second.forEach((k, v) -> out.put("second/" + k, v));
    return out;
  }

  /**
   * Restores a state written by {@link #state()}.
   *
   * @param state arrays by name; copied into this optimiser's manager
   * @param updatesSoFar the update count at the time of the checkpoint (for bias correction)
   */
  public void restore(Map<String, NDArray> state, long updatesSoFar) {
    first.clear();
    second.clear();
    state.forEach(
        (k, v) -> {
          NDArray copy = v.duplicate();
          copy.attach(manager);
          if (k.startsWith("first/")) {
            first.put(k.substring("first/".length()), copy);
          } else if (k.startsWith("second/")) {
            second.put(k.substring("second/".length()), copy);
          } else {
            throw new IllegalArgumentException("unexpected optimizer state entry " + k);
          }
        });
    this.updates = updatesSoFar;
  }
}
