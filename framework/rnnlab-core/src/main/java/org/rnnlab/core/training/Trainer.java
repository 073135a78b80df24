package org.rnnlab.core.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.rnnlab.api.loss.ForwardResult;
import org.rnnlab.api.model.Noise;
import org.rnnlab.api.model.RecurrentNetwork;
import org.rnnlab.api.model.SequenceOutput;
import org.rnnlab.api.spec.TrainingSpec;
import org.rnnlab.api.task.ClosedLoopTask;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.TaskInstance;
import org.rnnlab.core.random.SeedStreams;
import org.rnnlab.core.runs.Checkpoints;
import org.rnnlab.core.runs.MetricsLog;

/**
 * The core training loop: forward, weighted losses, backward, finiteness check, optional global
 * gradient-norm clipping, optimiser update, metrics row, checkpoint.
 *
 * <p>Determinism: batch {@code k} comes from the task stream (replayed on resume), the recurrent
 * noise of step {@code k} from a sub-stream of the noise stream indexed by {@code k}; nothing reads
 * PyTorch's global generator. So the same seed gives the same metrics, and a resumed run ends with
 * the same weights as an uninterrupted one.
 *
 * <p>One array manager per step holds everything the step creates; it is closed after the update.
 * Loss weights are created as arrays of that manager, never passed as Java numbers to operations
 * under the gradient collector (see the DJL traps in the stack notes).
 */
public final class Trainer {

  /** What a training session did. */
  public record Outcome(int lastStep, boolean completed, double msPerStep, int stepsThisSession) {}

  private final TrainingSpec spec;
  private final TaskInstance task;
  private final RecurrentNetwork network;
  private final List<LossTerm> losses;
  private final SeedStreams seeds;
  private final NDManager runManager;
  private final Checkpoints checkpoints;
  private final Optimizer optimizer;

  /**
   * @param runManager owns the network's parameters and the optimiser state
   */
  public Trainer(
      TrainingSpec spec,
      TaskInstance task,
      RecurrentNetwork network,
      List<LossTerm> losses,
      SeedStreams seeds,
      NDManager runManager,
      Checkpoints checkpoints) {
    this.spec = spec;
    this.task = task;
    this.network = network;
    this.losses = List.copyOf(losses);
    this.seeds = seeds;
    this.runManager = runManager;
    this.checkpoints = checkpoints;
    this.optimizer = new Optimizer(spec.optimizer(), runManager);
  }

  /** The optimiser, for restoring its state on resume. */
  public Optimizer optimizer() {
    return optimizer;
  }

  /**
   * Trains from {@code firstStep} (0 for a new run, the checkpoint's step on resume) to the end, or
   * until {@code stopAfterStep}.
   *
   * @param stopAfterStep stop after this 1-based step as if interrupted (a checkpoint is written
   *     there), or a value ≥ the total to run to the end
   * @throws TrainingDivergedException if the loss or a gradient becomes non-finite
   * @throws IOException if metrics or checkpoints cannot be written
   */
  public Outcome train(
      int firstStep, int stopAfterStep, MetricsLog metrics, TrainingListener listener)
      throws IOException {
    BatchSource batches = batchSource();
    if (batches != null && firstStep > 0) {
      batches.skip(firstStep);
    }
    Map<String, NDArray> parameters = network.parameters();
    int total = spec.steps();
    int last = Math.min(total, Math.max(stopAfterStep, firstStep));
    listener.started(firstStep, total);
    long startNanos = System.nanoTime();
    long timedNanos = 0;
    int timedSteps = 0;
    int warmup = last - firstStep > 10 ? 3 : 0;
    try {
      for (int step = firstStep + 1; step <= last; step++) {
        long t0 = System.nanoTime();
        float[] termValues = new float[losses.size()];
        float lossValue;
        float gradNorm;
        try (NDManager stepManager = runManager.newSubManager()) {
          Map<String, NDArray> grads = new LinkedHashMap<>();
          try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            // Regularisers see the weights the dynamics use (PsychRNN penalises the effective
            // matrices too); for a network without constraints these are its parameters.
            ForwardResult result =
                forward(step, batches, stepManager, network.effectiveParameters(stepManager));
            NDArray totalLoss = null;
            List<NDArray> terms = new ArrayList<>();
            for (LossTerm term : losses) {
              NDArray value = term.function().compute(result);
              terms.add(value);
              NDArray weighted = value.mul(stepManager.create((float) term.weight()));
              totalLoss = totalLoss == null ? weighted : totalLoss.add(weighted);
            }
            lossValue = totalLoss.getFloat();
            for (int i = 0; i < terms.size(); i++) {
              termValues[i] = terms.get(i).getFloat();
            }
            if (!Float.isFinite(lossValue)) {
              throw diverged(step, "the loss is " + lossValue);
            }
            collector.backward(totalLoss);
          }
          for (Map.Entry<String, NDArray> p : parameters.entrySet()) {
            NDArray g = p.getValue().getGradient();
            g.attach(stepManager);
            grads.put(p.getKey(), g);
          }
          gradNorm = globalNorm(grads);
          if (!Float.isFinite(gradNorm)) {
            for (Map.Entry<String, NDArray> g : grads.entrySet()) {
              if (!Float.isFinite(g.getValue().abs().max().getFloat())) {
                throw diverged(step, "the gradient of '" + g.getKey() + "' is not finite");
              }
            }
            throw diverged(step, "the gradient norm is " + gradNorm);
          }
          // PyTorch accumulates gradients across collectors: the arrays to clear for the next
          // step are the parameters' own gradients, whatever clipping puts in their place.
          List<NDArray> accumulated = new ArrayList<>(grads.values());
          if (spec.clipGradValue() > 0) {
            double limit = spec.clipGradValue();
            grads.replaceAll((name, g) -> g.clip(-limit, limit));
          }
          if (spec.clipGradNorm() > 0) {
            float clippedNorm = spec.clipGradValue() > 0 ? globalNorm(grads) : gradNorm;
            if (clippedNorm > spec.clipGradNorm()) {
              float scale = (float) (spec.clipGradNorm() / (clippedNorm + 1e-6));
              grads.values().forEach(g -> g.muli(scale));
            }
          }
          optimizer.update(parameters, grads);
          accumulated.forEach(g -> g.subi(g));
        }
        long elapsed = System.nanoTime() - t0;
        if (step - firstStep > warmup) {
          timedNanos += elapsed;
          timedSteps++;
        }
        metrics.append(
            step,
            lossValue,
            termValues,
            spec.optimizer().learningRate(),
            gradNorm,
            (System.nanoTime() - startNanos) / 1e9);
        listener.stepFinished(step, lossValue);
        if (step % spec.checkpointEvery() == 0 || step == last) {
          try (NDManager scratch = runManager.newSubManager()) {
            checkpoints.save(
                step,
                optimizer.updates(),
                parameters,
                optimizer.state(),
                network.effectiveParameters(scratch));
          }
        }
      }
    } finally {
      listener.finished();
    }
    double msPerStep = timedSteps == 0 ? Double.NaN : timedNanos / 1e6 / timedSteps;
    return new Outcome(last, last == total, msPerStep, last - firstStep);
  }

  /**
   * The norm of all gradients together: one sum over all parameters and a single read back, so a
   * device sync per step, not per parameter.
   */
  private static float globalNorm(Map<String, NDArray> grads) {
    NDArray squared = null;
    for (NDArray g : grads.values()) {
      NDArray sum = g.square().sum();
      squared = squared == null ? sum : squared.add(sum);
    }
    return (float) Math.sqrt(squared.getFloat());
  }

  private TrainingDivergedException diverged(int step, String what) throws IOException {
    String lastGood = checkpoints.latest().map(p -> p.getFileName().toString()).orElse("none yet");
    return new TrainingDivergedException(
        step,
        "training stopped at step "
            + step
            + ": "
            + what
            + ". The step was not applied; the last good checkpoint is "
            + lastGood
            + ". Try a smaller learning rate (train.optimizer.lr) or gradient clipping"
            + " (train.clipGradNorm or train.clipGradValue).");
  }

  private BatchSource batchSource() {
    if (!(task instanceof OpenLoopTask open)) {
      return null;
    }
    if (spec.batching().equals("trials")) {
      return TrialBatches.trialAligned(open, spec.batchSize(), seeds.stream(SeedStreams.TASK));
    }
    List<RandomGenerator> rows = new ArrayList<>();
    for (int b = 0; b < spec.batchSize(); b++) {
      rows.add(seeds.at(SeedStreams.TASK, b));
    }
    return TrialBatches.stream(open, spec.sequenceLength(), rows);
  }

  /**
   * The state a batch starts from: the network's encoder applied to the trials' initial conditions
   * when they give them, else its initial state; with initial-state noise from {@code noise}.
   */
  public static NDArray initialState(
      RecurrentNetwork network, Batch batch, NDManager manager, Noise noise) {
    NDArray initialConditions = batch.initialConditionsArray(manager);
    return initialConditions == null
        ? network.initialState(batch.batchSize(), manager, noise)
        : network.initialState(initialConditions, manager, noise);
  }

  private ForwardResult forward(
      int step, BatchSource batches, NDManager manager, Map<String, NDArray> parameters) {
    StepNoise noise = new StepNoise(seeds.at(SeedStreams.NOISE, step));
    if (task instanceof OpenLoopTask) {
      Batch batch = batches.next();
      NDArray inputs = batch.inputsArray(manager);
      NDArray h0 = initialState(network, batch, manager, noise);
      SequenceOutput out = network.forward(inputs, h0, noise);
      float[] weights = ((OpenLoopTask) task).outputWeights();
      return new ForwardResult(
          out.outputs(),
          out.hidden(),
          out.outputs(),
          batch.targetsArray(manager),
          batch.classTargetsArray(manager),
          batch.maskArray(manager),
          parameters,
          weights == null ? null : manager.create(weights),
          batch.periodsArray(manager),
          batch.periodNames());
    }
    ClosedLoopRollout rollout =
        ClosedLoopRollout.run(
            (ClosedLoopTask) task,
            network,
            spec.batchSize(),
            seeds.at(SeedStreams.TASK, step),
            noise,
            manager);
    return new ForwardResult(
        rollout.outputs(),
        rollout.hidden(),
        rollout.result().controlled(),
        rollout.result().targets(),
        null,
        rollout.result().mask(),
        parameters);
  }
}
