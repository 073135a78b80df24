package org.rnnlab.core.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Finds plugin jars and zips in folders and loads each one into PF4J on its own, so that one broken
 * file is reported by name and skipped while the rest load.
 */
final class PluginLoader {

  record Loaded(PluginManager manager, List<PluginProblem> problems) {}

  private PluginLoader() {}

  static Loaded load(List<Path> folders) {
    List<PluginProblem> problems = new ArrayList<>();
    List<Path> candidates = new ArrayList<>();
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> files = Files.list(folder)) {
        files.filter(p -> isArchive(p)).sorted().forEach(candidates::add);
      } catch (IOException e) {
        problems.add(new PluginProblem(folder, "cannot list the folder: " + e.getMessage()));
      }
    }
    PluginManager manager = new DefaultPluginManager(List.of());
    Map<String, Path> loadedIds = new LinkedHashMap<>();
    for (Path file : candidates) {
      String problem = checkManifest(file);
      if (problem != null) {
        problems.add(new PluginProblem(file, problem));
        continue;
      }
      try {
        String id = manager.loadPlugin(file);
        if (id == null) {
          problems.add(new PluginProblem(file, "PF4J could not load it"));
        } else {
          loadedIds.put(id, file);
        }
      } catch (RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String other = null;
        for (Map.Entry<String, Path> en : loadedIds.entrySet()) {
          if (message.contains("'" + en.getKey() + "'")) {
            other = en.getValue().getFileName().toString();
          }
        }
        problems.add(
            new PluginProblem(
                file, other == null ? message : message + " (already loaded from " + other + ")"));
      }
    }
    manager.startPlugins();
    for (PluginWrapper plugin : manager.getPlugins()) {
      if (plugin.getPluginState() != PluginState.STARTED) {
        Throwable failure = plugin.getFailedException();
        problems.add(
            new PluginProblem(
                plugin.getPluginPath(),
                "did not start ("
                    + plugin.getPluginState()
                    + (failure == null ? "" : ": " + failure.getMessage())
                    + ")"));
      }
    }
    return new Loaded(manager, problems);
  }

  private static boolean isArchive(Path p) {
    String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return Files.isRegularFile(p) && (name.endsWith(".jar") || name.endsWith(".zip"));
  }

  /** Returns why the file is not a usable plugin, or null if it looks like one. */
  private static String checkManifest(Path file) {
    if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
      try (ZipFile zip = new ZipFile(file.toFile())) {
        return zip.size() == 0 ? "the zip is empty" : null;
      } catch (IOException e) {
        return "not a readable zip (" + e.getMessage() + ")";
      }
    }
    try (JarFile jar = new JarFile(file.toFile())) {
      Manifest manifest = jar.getManifest();
      if (manifest == null) {
        return "the jar has no META-INF/MANIFEST.MF";
      }
      String id = manifest.getMainAttributes().getValue("Plugin-Id");
      String version = manifest.getMainAttributes().getValue("Plugin-Version");
      if (id == null || id.isBlank()) {
        return "its manifest has no Plugin-Id";
      }
      if (version == null || version.isBlank()) {
        return "its manifest has no Plugin-Version";
      }
      if (jar.getEntry("META-INF/extensions.idx") == null) {
        return "it declares no extensions (META-INF/extensions.idx is missing: is the PF4J"
            + " annotation processor configured?)";
      }
      return null;
    } catch (IOException e) {
      return "not a readable jar (" + e.getMessage() + ")";
    }
  }
}
