package org.rnnlab.core.random;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Splits one experiment seed into independent, named random streams.
 *
 * <p>Each stream's seed is a hash of the experiment seed and the stream name, so adding a stream
 * never changes another one, and a stream can be re-created at any point (for example on resume)
 * from the seed alone. Counter-based sub-streams ({@link #at}) give the noise of training step
 * {@code k} without replaying steps {@code 0..k-1}.
 */
public final class SeedStreams {

  /** Trial generation for training. */
  public static final String TASK = "task";

  /** Initial weights. */
  public static final String INIT = "init";

  /** Recurrent noise during training. */
  public static final String NOISE = "noise";

  /** Held-out evaluation trials. */
  public static final String EVALUATION = "evaluation";

  /** Recurrent noise while recording evaluation trials. */
  public static final String EVALUATION_NOISE = "evaluation-noise";

  private final long seed;

  public SeedStreams(long seed) {
    this.seed = seed;
  }

  public long seed() {
    return seed;
  }

  /** The derived seed of a named stream. */
  public long streamSeed(String name) {
    long h = 0xcbf29ce484222325L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    return mix(seed ^ mix(h));
  }

  /** A fresh generator for a named stream, always starting at the same state. */
  public RandomGenerator stream(String name) {
    return new SplittableRandom(streamSeed(name));
  }

  /** A fresh generator for element {@code index} of a named stream (a step, a batch row). */
  public RandomGenerator at(String name, long index) {
    return new SplittableRandom(mix(streamSeed(name) + 0x9E3779B97F4A7C15L * (index + 1)));
  }

  /** The seeds of the standard streams, for provenance. */
  public Map<String, Long> describe() {
    Map<String, Long> out = new LinkedHashMap<>();
    out.put("experiment", seed);
    for (String s : new String[] {TASK, INIT, NOISE, EVALUATION, EVALUATION_NOISE}) {
      out.put(s, streamSeed(s));
    }
    return out;
  }

  /** Stafford's variant 13 of the 64-bit finaliser: a bijective, well-mixing hash. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
