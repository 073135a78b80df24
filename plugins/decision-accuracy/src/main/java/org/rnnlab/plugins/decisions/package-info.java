/**
 * The {@code decision-accuracy} {@link org.rnnlab.api.analysis.Analysis}: last-step choice
 * accuracy, its split by coherence and a psychometric curve with a logistic fit.
 */
package org.rnnlab.plugins.decisions;
