package org.rnnlab.api.task;

import ai.djl.ndarray.NDArray;

/**
 * The trajectory of a batch of closed-loop episodes.
 *
 * @param controlled the controlled variable over time, {@code [batch, steps, dims]} (for example
 *     the position of a point mass), differentiable with respect to the network's parameters
 * @param targets where it should be, {@code [batch, steps, dims]}
 * @param mask loss weight per step, {@code [batch, steps]}
 */
public record ClosedLoopResult(NDArray controlled, NDArray targets, NDArray mask) {}
