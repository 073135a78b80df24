package org.rnnlab.plugins.wrappers;

import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.random.RandomGenerator;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.Trial;

/**
 * A wrapper that chooses each trial's ground truth from state it keeps per trial stream (side bias,
 * trial history), then asks the wrapped task for a trial with that ground truth.
 *
 * <p>Every stream (each batch row of a continuous stream, the evaluation trials) has its own
 * generator, so keying the state by generator gives each stream its own blocks and history, as each
 * copy of a NeuroGym environment has its own wrapper; the same seed gives the same trials however
 * streams interleave.
 *
 * @param <S> the per-stream state
 */
abstract class GroundTruthStream<S> extends Delegating {

  /** A chosen ground truth and the metadata that explains it. */
  record Choice(int groundTruth, Map<String, Object> metadata) {}

  private final Map<RandomGenerator, S> states = new WeakHashMap<>();

  GroundTruthStream(OpenLoopTask inner) {
    super(inner);
  }

  /** The state of a stream before its first trial; may draw from {@code random}. */
  abstract S start(RandomGenerator random);

  /**
   * Advances the stream's state and chooses the next trial's ground truth, one of the task's {@link
   * OpenLoopTask#groundTruthChoices()}.
   */
  abstract Choice next(S state, RandomGenerator random);

  @Override
  public final Trial newTrial(RandomGenerator random, Map<String, Object> conditions) {
    S state;
    synchronized (states) {
      state = states.get(random);
      if (state == null) {
        state = start(random);
        states.put(random, state);
      }
    }
    Choice choice = next(state, random);
    Map<String, Object> given = new HashMap<>(conditions);
    given.put(OpenLoopTask.GROUND_TRUTH, choice.groundTruth());
    return inner.newTrial(random, given).withMetadata(choice.metadata());
  }
}
