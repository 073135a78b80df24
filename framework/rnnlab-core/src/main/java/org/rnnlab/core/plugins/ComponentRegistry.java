package org.rnnlab.core.plugins;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.util.Types;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;
import org.rnnlab.api.component.Component;

/**
 * Every component the loaded plugins contribute, by extension point and id, instantiated by Guice.
 *
 * <p>Built once per JVM (one run) by {@link #load}. {@link #create} returns a new instance on each
 * call; components are stateless, so that is cheap and safe.
 */
public final class ComponentRegistry implements ComponentCatalog, AutoCloseable {

  private final PluginManager pluginManager;
  private final Injector injector;
  private final Map<ComponentKind, Map<String, ComponentEntry>> entries;
  private final List<PluginProblem> problems;

  private ComponentRegistry(
      PluginManager pluginManager,
      Injector injector,
      Map<ComponentKind, Map<String, ComponentEntry>> entries,
      List<PluginProblem> problems) {
    this.pluginManager = pluginManager;
    this.injector = injector;
    this.entries = entries;
    this.problems = List.copyOf(problems);
  }

  /**
   * Loads the plugins in the given folders and binds their components.
   *
   * @param pluginFolders folders holding plugin jars or zips; folders that do not exist are ignored
   * @throws DuplicateComponentException if two plugins contribute the same id to one extension
   *     point
   */
  public static ComponentRegistry load(List<Path> pluginFolders) {
    PluginLoader.Loaded loaded = PluginLoader.load(pluginFolders);
    List<PluginProblem> problems = new ArrayList<>(loaded.problems());
    Injector bootstrap = Guice.createInjector();
    Map<ComponentKind, Map<String, ComponentEntry>> entries = new EnumMap<>(ComponentKind.class);
    for (ComponentKind kind : ComponentKind.values()) {
      entries.put(kind, new LinkedHashMap<>());
    }
    PluginManager manager = loaded.manager();
    for (PluginWrapper plugin : manager.getStartedPlugins()) {
      for (ComponentKind kind : ComponentKind.values()) {
        for (Class<?> cls : manager.getExtensionClasses(kind.type(), plugin.getPluginId())) {
          try {
            Component probe = (Component) bootstrap.getInstance(cls);
            ComponentEntry entry =
                new ComponentEntry(
                    kind,
                    probe.id(),
                    probe.description(),
                    plugin.getPluginId(),
                    plugin.getDescriptor().getVersion(),
                    cls);
            ComponentEntry previous = entries.get(kind).putIfAbsent(entry.id(), entry);
            if (previous != null) {
              manager.stopPlugins();
              throw new DuplicateComponentException(previous, entry);
            }
          } catch (RuntimeException | LinkageError e) {
            if (e instanceof DuplicateComponentException d) {
              throw d;
            }
            problems.add(
                new PluginProblem(
                    plugin.getPluginPath(),
                    "component class "
                        + cls.getName()
                        + " could not be created: "
                        + rootMessage(e)));
          }
        }
      }
    }
    for (Map<String, ComponentEntry> byId : entries.values()) {
      List<ComponentEntry> sorted = new ArrayList<>(byId.values());
      sorted.sort(Comparator.comparing(ComponentEntry::id));
      byId.clear();
      sorted.forEach(e -> byId.put(e.id(), e));
    }
    Injector injector = Guice.createInjector(new ComponentModule(entries));
    return new ComponentRegistry(manager, injector, entries, problems);
  }

  /** Plugin files that were skipped, with the reason; empty when everything loaded. */
  public List<PluginProblem> problems() {
    return problems;
  }

  /** Every component of one kind, sorted by id. */
  public List<ComponentEntry> entries(ComponentKind kind) {
    return List.copyOf(entries.get(kind).values());
  }

  /** The component with this id, of any kind. */
  public Optional<ComponentEntry> find(String id) {
    for (ComponentKind kind : ComponentKind.values()) {
      ComponentEntry e = entries.get(kind).get(id);
      if (e != null) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** Whether a component of that kind and id is registered. */
  public boolean has(ComponentKind kind, String id) {
    return entries.get(kind).containsKey(id);
  }

  /**
   * A new instance of the component, made by Guice from the extension point's {@code MapBinder}.
   *
   * @throws IllegalArgumentException if no component of that kind has that id
   */
  @SuppressWarnings("unchecked")
  public <T extends Component> T create(ComponentKind kind, String id) {
    Map<String, Provider<Component>> providers =
        (Map<String, Provider<Component>>)
            injector.getInstance(Key.get(Types.mapOf(String.class, Types.providerOf(kind.type()))));
    Provider<Component> provider = providers.get(id);
    if (provider == null) {
      throw new IllegalArgumentException("no " + kind.noun() + " with id '" + id + "'");
    }
    return (T) provider.get();
  }

  @Override
  public Optional<Component> lookup(ComponentKind kind, String id) {
    return has(kind, id) ? Optional.of(create(kind, id)) : Optional.empty();
  }

  @Override
  public List<String> ids(ComponentKind kind) {
    return List.copyOf(entries.get(kind).keySet());
  }

  /** Versions of the started plugins, by plugin id, for provenance. */
  public Map<String, String> pluginVersions() {
    Map<String, String> out = new LinkedHashMap<>();
    pluginManager.getStartedPlugins().stream()
        .sorted(Comparator.comparing(PluginWrapper::getPluginId))
        .forEach(p -> out.put(p.getPluginId(), p.getDescriptor().getVersion()));
    return out;
  }

  @Override
  public void close() {
    pluginManager.stopPlugins();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }

  /** Binds each component class into the {@code MapBinder} of its extension point. Binds only. */
  private static final class ComponentModule extends AbstractModule {
    private final Map<ComponentKind, Map<String, ComponentEntry>> entries;

    ComponentModule(Map<ComponentKind, Map<String, ComponentEntry>> entries) {
      this.entries = entries;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected void configure() {
      for (ComponentKind kind : ComponentKind.values()) {
        MapBinder<String, Component> binder =
            (MapBinder) MapBinder.newMapBinder(binder(), String.class, kind.type());
        for (ComponentEntry e : entries.get(kind).values()) {
          binder.addBinding(e.id()).to((Class) e.implementation());
        }
      }
    }
  }
}
