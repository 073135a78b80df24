package org.rnnlab.testkit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.rnnlab.api.model.Noise;

/**
 * A reproducible {@link Noise} for tests: standard-normal draws from a {@link SplittableRandom}
 * seeded in the constructor, generated in Java so that they do not depend on the engine's random
 * state.
 *
 * <p>Two instances made with the same seed hand out the same sequence of arrays, which is what
 * {@link NetworkContract#assertStepMatchesForward} uses to check that {@code forward} draws its
 * noise one call per step, in time order, exactly as repeated {@code step} calls do. Not
 * thread-safe.
 */
public final class SeededNoise implements Noise {

  private final SplittableRandom random;

  /**
   * @param seed seed of the draws
   */
  public SeededNoise(long seed) {
    this.random = new SplittableRandom(seed);
  }

  @Override
  public boolean enabled() {
    return true;
  }

  @Override
  public NDArray standardNormal(Shape shape, NDManager manager) {
    float[] data = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) random.nextGaussian();
    }
    return manager.create(data, shape);
  }
}
