package org.rnnlab.cli.task;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rnnlab.api.spec.SpecException;
import org.rnnlab.api.task.Trial;
import org.rnnlab.cli.Main;
import org.rnnlab.cli.Plugins;
import org.rnnlab.core.io.JsonFiles;
import org.rnnlab.core.io.Npz;
import org.rnnlab.core.plugins.ComponentRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rnnlab task sample}: exports trials as an {@code .npz} archive and a JSON sidecar. */
@Command(
    name = "sample",
    mixinStandardHelpOptions = true,
    versionProvider = org.rnnlab.cli.Main.Version.class,
    description = {
      "Export N trials of an open-loop task to FILE.npz (for numpy) and FILE.json beside it.",
      "",
      "Arrays, zero-padded to the longest trial Tmax: inputs [N, Tmax, inputs] float32;"
          + " class_targets [N, Tmax] int64 (class targets) or targets [N, Tmax, outputs] float32;"
          + " mask [N, Tmax] float32 (0 on padding); lengths [N] int32; period_start and"
          + " period_end [N, P] int32 (steps, end exclusive, -1 where a trial lacks the period);"
          + " meta_<key> [N] float64 for numeric metadata. The JSON names the periods, channels"
          + " and dt and holds every trial's metadata.",
      "",
      "Trials come from new SeedStreams(seed).stream(\"task\") (the task stream of a run with"
          + " that seed), so --seed reproduces them exactly: the same ID, --set and --seed give"
          + " identical files.",
      ""
    })
final class TaskSampleCommand implements Callable<Integer> {

  @Mixin TaskSelection selection = new TaskSelection();

  @Option(
      names = "--trials",
      paramLabel = "N",
      required = true,
      description = "Number of trials to export.")
  int trials;

  @Option(
      names = "--out",
      paramLabel = "FILE.npz",
      required = true,
      description = "Where to write the archive; the sidecar is FILE.json beside it.")
  Path out;

  @Option(
      names = "--force",
      description = "Replace FILE.npz and FILE.json if they exist (otherwise: refuse, exit 1).")
  boolean force;

  @Mixin Main.PluginOptions plugins = new Main.PluginOptions();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (trials < 1) {
      throw new SpecException(null, "--trials must be at least 1, got " + trials);
    }
    if (selection.seed < 0) {
      throw new SpecException(null, "--seed must be a whole number >= 0, got " + selection.seed);
    }
    String name = out.getFileName() == null ? "" : out.getFileName().toString();
    if (!name.toLowerCase(Locale.ROOT).endsWith(".npz") || name.length() == ".npz".length()) {
      throw new SpecException(
          null, "--out must name an .npz file, such as trials.npz; got '" + out + "'");
    }
    Path json = out.resolveSibling(name.substring(0, name.length() - ".npz".length()) + ".json");
    try (ComponentRegistry registry = Plugins.load(plugins.plugins, err)) {
      ConfiguredTask task =
          ConfiguredTask.configure(registry, selection.id, selection.settings, "task sample");
      List<Trial> drawn = task.draw(trials, selection.seed);
      TrialArchive archive = new TrialArchive(task, selection.seed, drawn);
      (force ? OutputFiles.replacing() : OutputFiles.refusingExisting("pass --force to replace it"))
          .add(out, file -> Npz.write(file, archive.arrays()))
          .add(json, file -> JsonFiles.write(file, archive.sidecar()))
          .write();
      int longest = drawn.stream().mapToInt(Trial::steps).max().orElse(0);
      spec.commandLine()
          .getOut()
          .printf(
              "wrote %d trials of %s (dt %s ms, up to %d steps, periods %s) to %s and %s%n",
              trials,
              task.id(),
              TrialFigure.number(task.task().dtMs()),
              longest,
              archive.periodNames(),
              out,
              json);
      return 0;
    }
  }
}
