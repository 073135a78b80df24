/**
 * Reads experiment scripts, Groovy or YAML, into one canonical {@link
 * org.rnnlab.api.spec.SpecDocument} with the file and line of every value, and applies command-line
 * overrides to it.
 *
 * <p>Entry points: {@link org.rnnlab.dsl.ExperimentReader} and {@link org.rnnlab.dsl.Overrides}.
 * The user's reference for both front ends is {@code docs/dsl.md}.
 */
package org.rnnlab.dsl;
