/**
 * NeuroGym's perceptual decision-making task ({@code perceptual-decision-making}), a PF4J plugin
 * that contributes one {@link org.rnnlab.api.task.Task}.
 */
package org.rnnlab.plugins.pdm;
