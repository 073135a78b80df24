/**
 * Contract tests and fixtures that plugin authors reuse: add {@code rnnlab-testkit} as a test
 * dependency and call the contracts on your components ({@link
 * org.rnnlab.testkit.ComponentContract} for declarations, {@link org.rnnlab.testkit.TaskContract}
 * for trials and episodes, {@link org.rnnlab.testkit.NetworkContract} for step/forward agreement
 * and finite gradients over a training run, {@link org.rnnlab.testkit.GradientCheck} for
 * finite-difference gradient checks of networks and losses). It also brings DJL's PyTorch engine
 * and its CPU natives onto the test class path.
 */
package org.rnnlab.testkit;
