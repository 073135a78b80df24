/**
 * {@code rnnlab task show} and {@code rnnlab task sample}: an open-loop task's trials as a figure
 * and as numpy arrays, configured and seeded as in an experiment. See docs/tasks.md.
 */
package org.rnnlab.cli.task;
