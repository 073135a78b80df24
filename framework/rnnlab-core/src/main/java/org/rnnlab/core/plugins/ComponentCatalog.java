package org.rnnlab.core.plugins;

import java.util.List;
import java.util.Optional;
import org.rnnlab.api.component.Component;

/** Looks components up by kind and id; the registry's view that spec resolution needs. */
public interface ComponentCatalog {

  /** A fresh instance of the component, or empty if none has that id. */
  Optional<Component> lookup(ComponentKind kind, String id);

  /** Every id of that kind, sorted. */
  List<String> ids(ComponentKind kind);
}
