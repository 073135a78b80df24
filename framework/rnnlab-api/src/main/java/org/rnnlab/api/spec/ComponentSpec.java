package org.rnnlab.api.spec;

import org.rnnlab.api.component.Parameters;

/**
 * A component chosen by an experiment, with every parameter resolved.
 *
 * @param id the component's id
 * @param parameters validated values, defaults filled in
 */
public record ComponentSpec(String id, Parameters parameters) {}
