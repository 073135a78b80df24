/**
 * Masked losses, a PF4J plugin that contributes {@code cross-entropy} (class targets) and {@code
 * mse} (continuous targets) as {@link org.rnnlab.api.loss.Loss}es. Both average over the steps the
 * mask selects, weighted by the mask.
 */
package org.rnnlab.plugins.losses;
