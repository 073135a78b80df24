/**
 * The two front ends behind {@link org.rnnlab.dsl.ExperimentReader}: a YAML node walker and a
 * Groovy DSL (base script class plus one context class per block). Not for use outside rnnlab-dsl;
 * these types are public only because Groovy and the public package must reach them.
 */
package org.rnnlab.dsl.internal;
