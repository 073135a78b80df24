/**
 * The {@code output-error} {@link org.rnnlab.api.analysis.Analysis}: masked mean squared error and
 * R² of the outputs against continuous targets, with the NBFF loss's blind steps as an option.
 */
package org.rnnlab.plugins.outputs;
