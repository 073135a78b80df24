package org.rnnlab.core.plugins;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds real PF4J plugin jars in a test: compiles Java sources with the system compiler (so the
 * PF4J annotation processor writes {@code META-INF/extensions.idx}) and packs them with a plugin
 * manifest.
 */
final class PluginJars {

  private PluginJars() {}

  /**
   * @param sources fully qualified class name to source text
   */
  static Path build(Path folder, String pluginId, java.util.Map<String, String> sources)
      throws IOException {
    Path work = Files.createTempDirectory(folder.getParent(), pluginId + "-src");
    Path src = work.resolve("src");
    Path classes = Files.createDirectories(work.resolve("classes"));
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "-d",
            classes.toString(),
            "-classpath",
            System.getProperty("java.class.path"),
            "-implicit:none"));
    for (var e : sources.entrySet()) {
      Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue());
      args.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status = javac.run(null, null, null, args.toArray(String[]::new));
    if (status != 0) {
      throw new IllegalStateException("plugin sources did not compile");
    }
    Manifest manifest = new Manifest();
    Attributes a = manifest.getMainAttributes();
    a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    a.putValue("Plugin-Id", pluginId);
    a.putValue("Plugin-Version", "1.2.3");
    Files.createDirectories(folder);
    Path jar = folder.resolve(pluginId + ".jar");
    try (OutputStream os = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(os, manifest);
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(f));
        out.closeEntry();
      }
    }
    return jar;
  }

  /** Source of a task component with the given id, in its own package. */
  static String taskSource(String pkg, String className, String id) {
    return """
        package %s;

        import java.util.List;
        import org.pf4j.Extension;
        import org.rnnlab.api.component.ParameterSpec;
        import org.rnnlab.api.component.Parameters;
        import org.rnnlab.api.task.Task;
        import org.rnnlab.api.task.TaskInstance;

        @Extension
        public final class %s implements Task {
          public String id() { return "%s"; }
          public String description() { return "A task from a test plugin"; }
          public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.number("dt", 10, "ms", "Time step"));
          }
          public TaskInstance create(Parameters p) { throw new UnsupportedOperationException(); }
        }
        """
        .formatted(pkg, className, id);
  }
}
