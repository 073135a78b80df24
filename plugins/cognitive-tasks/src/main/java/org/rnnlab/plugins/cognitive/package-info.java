/**
 * Cognitive tasks as rnnlab plugins, built with the trial-building API of {@code
 * org.rnnlab.api.trial}: NeuroGym's native tasks ({@code …cognitive.neurogym}), Yang et al. 2019's
 * 20 tasks ({@code …cognitive.yang}) and CtDB's MultiTask ({@code …cognitive.ctdb}).
 */
package org.rnnlab.plugins.cognitive;
