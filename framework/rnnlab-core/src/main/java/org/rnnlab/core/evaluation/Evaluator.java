package org.rnnlab.core.evaluation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.rnnlab.api.analysis.Evaluation;
import org.rnnlab.api.model.RecurrentNetwork;
import org.rnnlab.api.model.SequenceOutput;
import org.rnnlab.api.task.ClosedLoopTask;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.TaskInstance;
import org.rnnlab.api.task.Trial;
import org.rnnlab.core.io.JsonFiles;
import org.rnnlab.core.io.Npz;
import org.rnnlab.core.io.TrialArrays;
import org.rnnlab.core.random.SeedStreams;
import org.rnnlab.core.training.Batch;
import org.rnnlab.core.training.ClosedLoopRollout;
import org.rnnlab.core.training.StepNoise;
import org.rnnlab.core.training.Trainer;
import org.rnnlab.core.training.TrialBatches;

/**
 * Runs the trained network on held-out trials from the evaluation stream and records what it did.
 *
 * <p>Trials are drawn in order from one generator and run in chunks of {@value #CHUNK} (padded at
 * the end, each from the network's initial state, or from its encoder's state for the trial's
 * initial condition when the task gives them), with the recurrent noise of chunk {@code k} from
 * sub-stream {@code k} of the evaluation-noise stream. So the first {@code n} trials and the
 * network's response to them are the same whatever larger number is requested: every analysis of a
 * run sees the same trials. Results are cached.
 */
public final class Evaluator {

  static final int CHUNK = 100;

  private final TaskInstance task;
  private final RecurrentNetwork network;
  private final SeedStreams seeds;
  private final NDManager manager;
  private final RandomGenerator trialRandom;
  private final List<Trial> trials = new ArrayList<>();
  private final List<float[][]> outputs = new ArrayList<>();
  private final List<float[][]> hidden = new ArrayList<>();

  public Evaluator(
      TaskInstance task, RecurrentNetwork network, SeedStreams seeds, NDManager manager) {
    this.task = task;
    this.network = network;
    this.seeds = seeds;
    this.manager = manager;
    this.trialRandom = seeds.stream(SeedStreams.EVALUATION);
  }

  /**
   * The first {@code count} evaluation trials and the network's response.
   *
   * @throws IllegalArgumentException if {@code count < 1} or the task is closed-loop
   */
  public Evaluation evaluate(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("evaluation needs at least one trial, got " + count);
    }
    if (!(task instanceof OpenLoopTask open)) {
      throw new IllegalArgumentException(
          "trial-by-trial evaluation needs an open-loop task; this task is closed-loop");
    }
    while (trials.size() < count) {
      int chunkIndex = trials.size() / CHUNK;
      List<Trial> chunk = new ArrayList<>(CHUNK);
      for (int i = 0; i < CHUNK; i++) {
        chunk.add(open.newTrial(trialRandom));
      }
      Batch batch = TrialBatches.padded(open, chunk);
      try (NDManager m = manager.newSubManager()) {
        NDArray inputs = batch.inputsArray(m);
        StepNoise noise = new StepNoise(seeds.at(SeedStreams.EVALUATION_NOISE, chunkIndex));
        NDArray h0 = Trainer.initialState(network, batch, m, noise);
        SequenceOutput out = network.forward(inputs, h0, noise);
        float[] y = out.outputs().toFloatArray();
        float[] h = out.hidden().toFloatArray();
        int steps = batch.steps();
        int o = Math.toIntExact(out.outputs().getShape().get(2));
        int hs = Math.toIntExact(out.hidden().getShape().get(2));
        for (int r = 0; r < chunk.size(); r++) {
          int len = chunk.get(r).steps();
          float[][] yr = new float[len][o];
          float[][] hr = new float[len][hs];
          for (int s = 0; s < len; s++) {
            System.arraycopy(y, (r * steps + s) * o, yr[s], 0, o);
            System.arraycopy(h, (r * steps + s) * hs, hr[s], 0, hs);
          }
          trials.add(chunk.get(r));
          outputs.add(yr);
          hidden.add(hr);
        }
      }
    }
    return new Evaluation(
        trials.subList(0, count),
        outputs.subList(0, count).toArray(new float[0][][]),
        hidden.subList(0, count).toArray(new float[0][][]));
  }

  /**
   * Writes {@code trials.npz} ({@code inputs}, {@code outputs}, {@code hidden}, then the rest of
   * {@link TrialArrays}' layout, padded to the longest trial) and {@code trials.json} (per-trial
   * periods and metadata) into {@code folder}; for closed-loop tasks, {@code episodes.npz}.
   */
  public void record(int count, Path folder) throws IOException {
    if (task instanceof ClosedLoopTask closed) {
      recordEpisodes(closed, count, folder);
      return;
    }
    Evaluation e = evaluate(count);
    Map<String, Npz.Array> shared = TrialArrays.of((OpenLoopTask) task, e.trials());
    long[] inputShape = shared.get("inputs").shape();
    int n = (int) inputShape[0];
    int steps = (int) inputShape[1];
    int o = e.outputs()[0][0].length;
    int hs = e.hidden()[0][0].length;
    float[] y = new float[n * steps * o];
    float[] h = new float[n * steps * hs];
    for (int r = 0; r < n; r++) {
      for (int s = 0; s < e.outputs()[r].length; s++) {
        System.arraycopy(e.outputs()[r][s], 0, y, (r * steps + s) * o, o);
        System.arraycopy(e.hidden()[r][s], 0, h, (r * steps + s) * hs, hs);
      }
    }
    Map<String, Npz.Array> arrays = new LinkedHashMap<>();
    arrays.put("inputs", shared.remove("inputs"));
    arrays.put("outputs", Npz.Array.of(y, n, steps, o));
    arrays.put("hidden", Npz.Array.of(h, n, steps, hs));
    arrays.putAll(shared);
    Npz.write(folder.resolve("trials.npz"), arrays);

    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("dt_ms", task.dtMs());
    doc.put("input_channels", task.inputChannels());
    doc.put("output_channels", task.outputChannels());
    doc.put("trials", TrialArrays.facts(e.trials()));
    JsonFiles.write(folder.resolve("trials.json"), doc);
  }

  private void recordEpisodes(ClosedLoopTask closed, int count, Path folder) throws IOException {
    Map<String, List<NDArray>> parts = new LinkedHashMap<>();
    try (NDManager m = manager.newSubManager()) {
      RandomGenerator random = seeds.stream(SeedStreams.EVALUATION);
      for (int done = 0, chunkIndex = 0; done < count; done += CHUNK, chunkIndex++) {
        int b = Math.min(CHUNK, count - done);
        StepNoise noise = new StepNoise(seeds.at(SeedStreams.EVALUATION_NOISE, chunkIndex));
        ClosedLoopRollout r = ClosedLoopRollout.run(closed, network, b, random, noise, m);
        parts.computeIfAbsent("inputs", k -> new ArrayList<>()).add(r.observations());
        parts.computeIfAbsent("outputs", k -> new ArrayList<>()).add(r.outputs());
        parts.computeIfAbsent("hidden", k -> new ArrayList<>()).add(r.hidden());
        parts.computeIfAbsent("controlled", k -> new ArrayList<>()).add(r.result().controlled());
        parts.computeIfAbsent("targets", k -> new ArrayList<>()).add(r.result().targets());
        parts.computeIfAbsent("mask", k -> new ArrayList<>()).add(r.result().mask());
      }
      Map<String, NDArray> arrays = new LinkedHashMap<>();
      parts.forEach((k, v) -> arrays.put(k, NDArrays.concat(new NDList(v), 0)));
      Npz.writeArrays(folder.resolve("episodes.npz"), arrays);
    }
  }
}
