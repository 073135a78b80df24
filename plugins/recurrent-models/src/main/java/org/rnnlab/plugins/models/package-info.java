/**
 * Rate RNNs, a PF4J plugin that contributes two {@link org.rnnlab.api.model.Model}s: {@code
 * leaky-rnn} (continuous-time, α = dt/τ) and {@code rnn} (discrete-time, α = 1). Both share one
 * network implementation, so their parameter names, initialisation and noise convention agree.
 */
package org.rnnlab.plugins.models;
