/**
 * Latent trajectories: PCA of recorded hidden states, the scree plot, trajectories in principal
 * components, the trial input/output figure and the participation ratio ({@code latents}).
 */
package org.rnnlab.plugins.dynamics.latents;
