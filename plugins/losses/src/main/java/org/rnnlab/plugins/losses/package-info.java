/**
 * Losses and regularisers, a PF4J plugin contributing {@link org.rnnlab.api.loss.Loss}es:
 *
 * <ul>
 *   <li>objectives: {@code mse}, {@code cross-entropy}, {@code soft-cross-entropy}, {@code
 *       l1-position}, {@code nbff}; the step-averaging ones take {@code periodWeights};
 *   <li>weight regularisers: {@code l1-weights}, {@code l2-weights} (matrices by role or name);
 *   <li>activity regularisers: {@code l2-rate}, {@code latent-l2}, {@code activity-derivative}.
 * </ul>
 *
 * <p>Each class's javadoc states exactly what it sums and averages over, and how that matches its
 * source.
 */
package org.rnnlab.plugins.losses;
