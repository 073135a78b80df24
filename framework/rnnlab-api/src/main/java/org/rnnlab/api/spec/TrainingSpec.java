package org.rnnlab.api.spec;

/**
 * How the core trains.
 *
 * @param optimizer optimiser and its settings
 * @param steps number of parameter updates
 * @param batchSize sequences per update
 * @param sequenceLength steps per sequence in {@code stream} batching
 * @param batching {@code stream} (NeuroGym: trials concatenated and cut into sequences) or {@code
 *     trials} (one trial per sequence, padded, masked)
 * @param clipGradNorm maximum global gradient norm, or 0 for no clipping
 * @param clipGradValue maximum absolute value of each gradient element (TensorFlow's {@code
 *     clip_by_value}), or 0 for no clipping; applied before {@code clipGradNorm}
 * @param checkpointEvery steps between checkpoints (a final one is always written)
 */
public record TrainingSpec(
    OptimizerSpec optimizer,
    int steps,
    int batchSize,
    int sequenceLength,
    String batching,
    double clipGradNorm,
    double clipGradValue,
    int checkpointEvery) {}
