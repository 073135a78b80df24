package org.rnnlab.plugins.cognitive.neurogym;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * State a task keeps from one trial to the next, one copy per trial stream.
 *
 * <p>The core gives every stream its own generator (each batch row of a continuous stream, the
 * evaluation trials), so keying the state by generator gives each stream its own history, as each
 * copy of a NeuroGym environment has its own; the same seed gives the same trials however streams
 * interleave. Generators are held weakly: a stream's state goes when its generator does. The same
 * scheme as the task-wrappers plugin's per-stream ground truth.
 *
 * <p>Thread-safe for distinct streams; one stream's trials are drawn one at a time.
 *
 * @param <S> the per-stream state, mutable
 */
final class PerStream<S> {

  private final Map<RandomGenerator, S> states = new WeakHashMap<>();
  private final Function<RandomGenerator, S> start;

  /**
   * @param start the state of a stream before its first trial; may draw from the stream's generator
   */
  PerStream(Function<RandomGenerator, S> start) {
    this.start = start;
  }

  /** The state of the stream that {@code random} drives, started on first use. */
  S of(RandomGenerator random) {
    synchronized (states) {
      S state = states.get(random);
      if (state == null) {
        state = start.apply(random);
        states.put(random, state);
      }
      return state;
    }
  }
}
