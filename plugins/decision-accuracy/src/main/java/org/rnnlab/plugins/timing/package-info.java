/**
 * The {@code interval-production} {@link org.rnnlab.api.analysis.Analysis}: produced against target
 * intervals in tasks where the network must say "go" at the right time.
 */
package org.rnnlab.plugins.timing;
