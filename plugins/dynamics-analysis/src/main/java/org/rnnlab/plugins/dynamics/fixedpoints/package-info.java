/**
 * Fixed points of a network's one-step update: the joint Adam search ({@link
 * org.rnnlab.plugins.dynamics.fixedpoints.FixedPointSearch}), FixedPointFinder's post-processing,
 * Jacobians by autograd and their eigenvalues, and the analysis {@code fixed-points} ({@link
 * org.rnnlab.plugins.dynamics.fixedpoints.FixedPoints}). See decision 0016.
 */
package org.rnnlab.plugins.dynamics.fixedpoints;
