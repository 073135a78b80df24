package org.rnnlab.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.task.Task;

class ComponentRegistryTest {

  @TempDir Path temp;

  @Test
  void findsTheComponentOfAPluginJarDroppedIntoTheFolder() throws IOException {
    Path plugins = temp.resolve("plugins");
    PluginJars.build(
        plugins,
        "lab-tasks",
        Map.of("org.lab.Reach", PluginJars.taskSource("org.lab", "Reach", "lab-reach")));

    try (ComponentRegistry registry = ComponentRegistry.load(List.of(plugins))) {
      assertThat(registry.problems()).isEmpty();
      assertThat(registry.entries(ComponentKind.TASK))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.id()).isEqualTo("lab-reach");
                assertThat(e.pluginId()).isEqualTo("lab-tasks");
                assertThat(e.pluginVersion()).isEqualTo("1.2.3");
              });
      Task task = registry.create(ComponentKind.TASK, "lab-reach");
      assertThat(task.parameters()).extracting(p -> p.name()).containsExactly("dt");
      assertThat(registry.pluginVersions()).containsEntry("lab-tasks", "1.2.3");
    }
  }

  @Test
  void aBrokenJarIsReportedByNameAndTheOthersStillLoad() throws IOException {
    Path plugins = temp.resolve("plugins");
    PluginJars.build(
        plugins, "good", Map.of("org.good.A", PluginJars.taskSource("org.good", "A", "good-task")));
    Files.write(plugins.resolve("broken.jar"), new byte[] {1, 2, 3, 4, 5});
    Files.writeString(plugins.resolve("notes.txt"), "not a plugin");

    try (ComponentRegistry registry = ComponentRegistry.load(List.of(plugins))) {
      assertThat(registry.ids(ComponentKind.TASK)).containsExactly("good-task");
      assertThat(registry.problems())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.file().getFileName()).hasToString("broken.jar");
                assertThat(p.toString())
                    .startsWith("skipped plugin broken.jar: not a readable jar");
              });
    }
  }

  @Test
  void twoPluginsWithOneComponentIdStopStartUpNamingBoth() throws IOException {
    Path plugins = temp.resolve("plugins");
    PluginJars.build(
        plugins,
        "first",
        Map.of("org.first.A", PluginJars.taskSource("org.first", "A", "same-id")));
    PluginJars.build(
        plugins,
        "second",
        Map.of("org.second.B", PluginJars.taskSource("org.second", "B", "same-id")));

    assertThatThrownBy(() -> ComponentRegistry.load(List.of(plugins)))
        .isInstanceOf(DuplicateComponentException.class)
        .hasMessageContaining("task with id 'same-id'")
        .hasMessageContaining("plugin 'first'")
        .hasMessageContaining("plugin 'second'");
  }

  @Test
  void missingFoldersAreNotAnError() {
    try (ComponentRegistry registry = ComponentRegistry.load(List.of(temp.resolve("absent")))) {
      assertThat(registry.entries(ComponentKind.TASK)).isEmpty();
      assertThat(registry.problems()).isEmpty();
    }
  }
}
