/**
 * The {@code point-mass} closed-loop {@link org.rnnlab.api.task.Task}: a damped 1-D mass the
 * network pushes to a target, simulated on tensors so the loss back-propagates through it.
 */
package org.rnnlab.plugins.pointmass;
