/**
 * The extension point for comparing two trained runs ({@code rnnlab compare}): state R², CCA, DSA
 * and whatever a plugin adds.
 */
package org.rnnlab.api.comparison;
