/**
 * Contract tests and fixtures that plugin authors reuse: add {@code rnnlab-testkit} as a test
 * dependency and call the contracts on your components. It also brings DJL's PyTorch engine and its
 * CPU natives onto the test class path.
 */
package org.rnnlab.testkit;
