package org.rnnlab.core.plugins;

/**
 * One registered component, as {@code rnnlab plugins} lists it.
 *
 * @param kind extension point
 * @param id the component's id
 * @param description its one-line description
 * @param pluginId the plugin that contributes it ({@code system} for the host class path)
 * @param pluginVersion that plugin's version
 * @param implementation the implementing class
 */
public record ComponentEntry(
    ComponentKind kind,
    String id,
    String description,
    String pluginId,
    String pluginVersion,
    Class<?> implementation) {}
