/**
 * NeuroGym's native tasks ({@code neurogym/envs/native/*.py}) as rnnlab {@link
 * org.rnnlab.api.task.Task}s, built with {@link org.rnnlab.api.trial.TrialBuilder}.
 *
 * <p>Shared conventions: NeuroGym's default {@code dt} per task; a {@code timing} group whose
 * fields take a constant or a distribution, floored to dt; class targets with class 0 = fixate;
 * stimulus noise {@code sigma/sqrt(dt)} where the source adds noise; mask 1 on every step;
 * per-trial metadata with {@code groundTruth} where the task has one. Each class's comment names
 * the source file and every deliberate difference from it.
 */
package org.rnnlab.plugins.cognitive.neurogym;
