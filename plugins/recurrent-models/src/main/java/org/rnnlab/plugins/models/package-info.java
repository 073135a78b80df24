/**
 * Recurrent models, a PF4J plugin that contributes these {@link org.rnnlab.api.model.Model}s:
 * {@code leaky-rnn} (continuous-time, α = dt/τ, in Yang's, PsychRNN's or Cueva &amp; Wei's
 * convention), {@code rnn} (discrete-time), {@code gru}, {@code noisy-gru}, {@code lstm}, {@code
 * driscoll-rnn}, {@code neural-ode} and {@code linear-dynamical-system}.
 *
 * <p>The networks share {@code CellNetwork}: named parameters read through one effective-weight
 * method ({@code NetworkParameters.effective}, where connectivity constraints belong), the linear
 * readout, the zero or learned (and optionally noisy) initial state and the initialisers, so option
 * names, parameter names and noise handling agree across models. Connectivity constraints (Dale's
 * law, masks read from {@code .npy} files, no autapses, frozen entries) are {@code
 * MatrixConstraint}s applied in that one method. {@code docs/models.md} lists each model's update
 * and which quantity is its state.
 */
package org.rnnlab.plugins.models;
