/**
 * NeuroGym-style task wrappers: {@code input-noise} ({@code Noise}) and {@code side-bias} ({@code
 * SideBias}).
 */
package org.rnnlab.plugins.wrappers;
