package org.rnnlab.core.training;

import org.rnnlab.api.loss.LossFunction;

/**
 * One configured term of the objective.
 *
 * @param name column name in metrics.csv ({@code loss/<name>}): the loss id, with {@code #2},
 *     {@code #3} appended when an id repeats
 * @param function the configured loss
 * @param weight its factor in the total
 */
public record LossTerm(String name, LossFunction function, double weight) {}
