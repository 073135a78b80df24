package org.rnnlab.core.plugins;

/** Two plugins contribute a component with the same id to the same extension point. */
public final class DuplicateComponentException extends RuntimeException {
  public DuplicateComponentException(ComponentEntry first, ComponentEntry second) {
    super(
        "two plugins contribute a "
            + first.kind().noun()
            + " with id '"
            + first.id()
            + "': plugin '"
            + first.pluginId()
            + "' ("
            + first.implementation().getName()
            + ") and plugin '"
            + second.pluginId()
            + "' ("
            + second.implementation().getName()
            + "); remove one of them from the plugins folder");
  }
}
