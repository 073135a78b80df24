package org.rnnlab.api.spec;

/**
 * One term of the training objective.
 *
 * @param component the loss and its parameters
 * @param weight factor on the term in the total loss
 */
public record LossSpec(ComponentSpec component, double weight) {}
