package org.rnnlab.cli.task;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.rnnlab.api.spec.SpecException;
import org.rnnlab.api.task.Trial;
import org.rnnlab.cli.Main;
import org.rnnlab.cli.Plugins;
import org.rnnlab.core.plugins.ComponentRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rnnlab task show}: draws a few trials of an open-loop task into one PNG. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    versionProvider = org.rnnlab.cli.Main.Version.class,
    description = {
      "Draw N trials of an open-loop task into one PNG, side by side on a common ms scale:"
          + " the periods, the inputs (one line or heatmap row per channel), the target and the"
          + " loss mask.",
      "",
      "Trials come from new SeedStreams(seed).stream(\"task\") (the task stream of a run with"
          + " that seed), so --seed reproduces them exactly, and task sample with the same ID,"
          + " --set and --seed exports the same trials.",
      ""
    })
final class TaskShowCommand implements Callable<Integer> {

  /** More columns than this stop being readable; sample exports any number. */
  static final int MAX_TRIALS = 10;

  @Mixin TaskSelection selection = new TaskSelection();

  @Option(
      names = "--trials",
      paramLabel = "N",
      defaultValue = "3",
      description =
          "Number of trials to draw, 1 to " + MAX_TRIALS + " (default: ${DEFAULT-VALUE}).")
  int trials;

  @Option(
      names = "--out",
      paramLabel = "FILE.png",
      description =
          "Where to write the figure (default: ID.png in the current folder); replaced"
              + " if it exists.")
  Path out;

  @Mixin Main.PluginOptions plugins = new Main.PluginOptions();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (trials < 1 || trials > MAX_TRIALS) {
      throw new SpecException(
          null,
          "--trials must be between 1 and "
              + MAX_TRIALS
              + " for a readable figure, got "
              + trials
              + " (task sample exports any number)");
    }
    if (selection.seed < 0) {
      throw new SpecException(null, "--seed must be a whole number >= 0, got " + selection.seed);
    }
    String name = out == null || out.getFileName() == null ? "" : out.getFileName().toString();
    if (out != null && !name.toLowerCase(Locale.ROOT).endsWith(".png")) {
      throw new SpecException(
          null, "--out must name a .png file, such as trials.png; got '" + out + "'");
    }
    try (ComponentRegistry registry = Plugins.load(plugins.plugins, err)) {
      ConfiguredTask task =
          ConfiguredTask.configure(registry, selection.id, selection.settings, "task show");
      Path target = out != null ? out : Path.of(task.id() + ".png");
      List<Trial> drawn = task.draw(trials, selection.seed);
      BufferedImage image = new TrialFigure(task, selection.seed, drawn).render();
      OutputFiles.replacing()
          .add(
              target,
              file -> {
                if (!ImageIO.write(image, "png", file.toFile())) {
                  throw new IOException("no PNG writer available in this JVM");
                }
              })
          .write();
      spec.commandLine()
          .getOut()
          .printf(
              "wrote %s (%d trial%s of %s, dt %s ms, seed %d)%n",
              target,
              trials,
              trials == 1 ? "" : "s",
              task.id(),
              TrialFigure.number(task.task().dtMs()),
              selection.seed);
      return 0;
    }
  }
}
