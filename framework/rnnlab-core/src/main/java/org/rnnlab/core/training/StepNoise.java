package org.rnnlab.core.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.random.RandomGenerator;
import org.rnnlab.api.model.Noise;

/**
 * Recurrent noise drawn in Java from one seeded generator, so noisy runs are reproducible and do
 * not depend on PyTorch's global generator.
 */
public final class StepNoise implements Noise {

  private final RandomGenerator random;

  public StepNoise(RandomGenerator random) {
    this.random = random;
  }

  @Override
  public boolean enabled() {
    return true;
  }

  @Override
  public NDArray standardNormal(Shape shape, NDManager manager) {
    float[] values = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return manager.create(values, shape);
  }
}
