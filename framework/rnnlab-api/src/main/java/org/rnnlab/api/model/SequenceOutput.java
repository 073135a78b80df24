package org.rnnlab.api.model;

import ai.djl.ndarray.NDArray;

/**
 * A network's response to a whole input sequence.
 *
 * @param outputs readout at every step, {@code [batch, steps, outputSize]}
 * @param hidden hidden state after every step, {@code [batch, steps, hiddenSize]}
 */
public record SequenceOutput(NDArray outputs, NDArray hidden) {}
