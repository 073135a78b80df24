package org.rnnlab.plugins.losses;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnnlab.api.loss.Loss;
import org.rnnlab.api.model.Noise;
import org.rnnlab.api.model.RecurrentNetwork;
import org.rnnlab.api.model.SequenceOutput;
import org.rnnlab.api.spec.OptimizerSpec;
import org.rnnlab.api.spec.TrainingSpec;
import org.rnnlab.api.task.OpenLoopTask;
import org.rnnlab.api.task.Period;
import org.rnnlab.api.task.TargetKind;
import org.rnnlab.api.task.Trial;
import org.rnnlab.core.random.SeedStreams;
import org.rnnlab.core.runs.Checkpoints;
import org.rnnlab.core.runs.MetricsLog;
import org.rnnlab.core.training.LossTerm;
import org.rnnlab.core.training.RunLossContext;
import org.rnnlab.core.training.Trainer;
import org.rnnlab.core.training.TrainingListener;
import org.rnnlab.testkit.ComponentContract;

/**
 * Several loss terms at once through the core's trainer: each is logged, and the task is learnt.
 */
class TrainingSmokeTest {

  @TempDir Path temp;

  /** Report the sign of a cue after a delay: fixation (2), stimulus (3), decision (4 steps). */
  private static final OpenLoopTask REPORT_SIGN =
      new OpenLoopTask() {
        @Override
        public double dtMs() {
          return 20;
        }

        @Override
        public List<String> inputChannels() {
          return List.of("cue");
        }

        @Override
        public List<String> outputChannels() {
          return List.of("sign");
        }

        @Override
        public TargetKind targetKind() {
          return TargetKind.CONTINUOUS;
        }

        @Override
        public Trial newTrial(RandomGenerator random) {
          float sign = random.nextBoolean() ? 1f : -1f;
          float[][] in = new float[9][1];
          float[][] target = new float[9][1];
          float[] mask = new float[9];
          java.util.Arrays.fill(mask, 1f);
          for (int t = 2; t < 5; t++) {
            in[t][0] = sign;
          }
          for (int t = 5; t < 9; t++) {
            target[t][0] = sign;
          }
          return new Trial(
              in,
              target,
              null,
              mask,
              List.of(
                  new Period("fixation", 0, 2),
                  new Period("stimulus", 2, 5),
                  new Period("decision", 5, 9)),
              Map.of());
        }
      };

  /** A tanh RNN whose parameters follow rnnlab's naming convention. */
  private static RecurrentNetwork tanhRnn(NDManager manager, int hidden) {
    SplittableRandom random = new SplittableRandom(3);
    Map<String, NDArray> p = new LinkedHashMap<>();
    p.put("input.weight", gaussian(manager, random, 1, hidden, 1.0));
    p.put("recurrent.weight", gaussian(manager, random, hidden, hidden, 0.9 / Math.sqrt(hidden)));
    p.put("recurrent.bias", manager.zeros(new Shape(hidden)));
    p.put("output.weight", gaussian(manager, random, hidden, 1, 1.0 / Math.sqrt(hidden)));
    p.put("output.bias", manager.zeros(new Shape(1)));
    p.values().forEach(a -> a.setRequiresGradient(true));
    return new RecurrentNetwork() {
      @Override
      public int hiddenSize() {
        return hidden;
      }

      @Override
      public Map<String, NDArray> parameters() {
        return p;
      }

      @Override
      public NDArray initialState(int batchSize, NDManager m) {
        return m.zeros(new Shape(batchSize, hidden));
      }

      @Override
      public SequenceOutput forward(NDArray inputs, NDArray h0, Noise noise) {
        NDArray h = h0;
        NDList states = new NDList();
        for (int t = 0; t < inputs.getShape().get(1); t++) {
          h = step(h, inputs.get(":, " + t + ", :"), noise);
          states.add(h);
        }
        NDArray all = NDArrays.stack(states, 1);
        return new SequenceOutput(readout(all), all);
      }

      @Override
      public NDArray step(NDArray h, NDArray x, Noise noise) {
        return x.matMul(p.get("input.weight"))
            .add(h.matMul(p.get("recurrent.weight")))
            .add(p.get("recurrent.bias"))
            .tanh();
      }

      @Override
      public NDArray readout(NDArray h) {
        return h.matMul(p.get("output.weight")).add(p.get("output.bias"));
      }
    };
  }

  private static NDArray gaussian(
      NDManager manager, RandomGenerator random, int rows, int cols, double std) {
    float[] v = new float[rows * cols];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (std * random.nextGaussian());
    }
    return manager.create(v, new Shape(rows, cols));
  }

  private static LossTerm term(String name, Loss loss, Map<String, ?> params, double weight) {
    return new LossTerm(name, loss.create(ComponentContract.parameters(loss, params)), weight);
  }

  @ParameterizedTest
  @ValueSource(strings = {"trials", "stream"})
  void severalWeightedTermsAreLoggedAndTheTaskIsLearnt(String batching) throws IOException {
    List<LossTerm> terms =
        List.of(
            term("mse", new MeanSquaredError(), Map.of("periodWeights", Map.of("decision", 5)), 1),
            term("l1-position", new L1Position(), Map.of(), 0.1),
            term("l2-weights", new WeightL2(), Map.of(), 1e-3),
            term("l1-weights", new WeightL1(), Map.of("matrices", List.of("recurrent")), 1e-4),
            term("l2-rate", new RateL2(), Map.of(), 1e-3),
            term("latent-l2", new LatentL2(), Map.of(), 1e-3),
            term("activity-derivative", new ActivityDerivative(), Map.of(), 1e-2));
    TrainingSpec spec =
        new TrainingSpec(
            new OptimizerSpec("adam", 0.02, 0.9, 0.999, 1e-8, 0, 0),
            50,
            16,
            18,
            batching,
            1.0,
            0,
            1000);
    Path csv = temp.resolve("metrics.csv");
    List<String> names = terms.stream().map(LossTerm::name).toList();

    train(spec, terms, temp);

    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0))
        .isEqualTo(
            "step,loss,loss/mse,loss/l1-position,loss/l2-weights,loss/l1-weights,loss/l2-rate,"
                + "loss/latent-l2,loss/activity-derivative,learning_rate,grad_norm,wall_time_s");
    assertThat(lines).hasSize(51);
    List<float[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      float[] row = new float[cells.length];
      for (int i = 0; i < cells.length; i++) {
        row[i] = Float.parseFloat(cells[i]);
        assertThat(row[i]).as(line).isFinite();
      }
      double[] weights = {1, 0.1, 1e-3, 1e-4, 1e-3, 1e-3, 1e-2};
      double total = 0;
      for (int k = 0; k < weights.length; k++) {
        assertThat(row[2 + k]).as("term %s of %s", names.get(k), line).isPositive();
        total += weights[k] * row[2 + k];
      }
      assertThat((double) row[1]).isCloseTo(total, org.assertj.core.api.Assertions.within(1e-4));
      rows.add(row);
    }
    assertThat(meanOf(rows.subList(40, 50), 2))
        .as("mse over the last 10 steps vs the first 10")
        .isLessThan(0.2 * meanOf(rows.subList(0, 10), 2));
  }

  private static double meanOf(List<float[]> rows, int column) {
    return rows.stream().mapToDouble(r -> r[column]).average().orElseThrow();
  }

  /** The parameters after {@code steps} plain-SGD steps (lr 1) of the MSE term alone. */
  private Map<String, float[]> trainSgd(int steps, double clipGradNorm, double clipGradValue)
      throws IOException {
    TrainingSpec spec =
        new TrainingSpec(
            new OptimizerSpec("sgd", 1.0, 0.9, 0.999, 1e-8, 0, 0),
            steps,
            16,
            18,
            "trials",
            clipGradNorm,
            clipGradValue,
            1000);
    List<LossTerm> terms = List.of(term("mse", new MeanSquaredError(), Map.of(), 1));
    return train(spec, terms, Files.createTempDirectory(temp, "clip"));
  }

  /**
   * Trains the tanh RNN on the sign task with these terms, writing {@code metrics.csv} and the
   * checkpoints into {@code folder}; returns the final parameter values.
   */
  private static Map<String, float[]> train(TrainingSpec spec, List<LossTerm> terms, Path folder)
      throws IOException {
    List<String> names = terms.stream().map(LossTerm::name).toList();
    try (NDManager run = Engine.getInstance().newBaseManager()) {
      RecurrentNetwork network = tanhRnn(run, 16);
      RunLossContext context = new RunLossContext(REPORT_SIGN, network);
      terms.forEach(t -> t.function().check(context));
      Trainer trainer =
          new Trainer(
              spec,
              REPORT_SIGN,
              network,
              terms,
              new SeedStreams(11),
              run,
              new Checkpoints(folder.resolve("checkpoints")));
      try (MetricsLog metrics = MetricsLog.create(folder.resolve("metrics.csv"), names)) {
        trainer.train(0, Integer.MAX_VALUE, metrics, TrainingListener.NONE);
      }
      Map<String, float[]> values = new LinkedHashMap<>();
      network.parameters().forEach((name, p) -> values.put(name, p.toFloatArray()));
      return values;
    }
  }

  private static double largestChange(Map<String, float[]> before, Map<String, float[]> after) {
    double largest = 0;
    for (String name : before.keySet()) {
      float[] a = before.get(name);
      float[] b = after.get(name);
      for (int i = 0; i < a.length; i++) {
        largest = Math.max(largest, Math.abs(b[i] - a[i]));
      }
    }
    return largest;
  }

  @org.junit.jupiter.api.Test
  void clipGradValueBoundsEveryGradientElementOnItsOwn() throws IOException {
    Map<String, float[]> start = trainSgd(0, 0, 0);
    double limit = 1e-3;

    double unclipped = largestChange(start, trainSgd(1, 0, 0));
    double clipped = largestChange(start, trainSgd(1, 0, limit));

    assertThat(unclipped).as("some gradient element exceeds the limit").isGreaterThan(10 * limit);
    assertThat(clipped).isCloseTo(limit, org.assertj.core.api.Assertions.within(1e-6));
  }

  @org.junit.jupiter.api.Test
  void aValueLimitNoGradientReachesTrainsExactlyAsNoClipping() throws IOException {
    // Over several steps: the parameters' own gradients must still be cleared between steps.
    Map<String, float[]> plain = trainSgd(5, 0, 0);
    Map<String, float[]> limited = trainSgd(5, 0, 1e6);

    for (String name : plain.keySet()) {
      assertThat(limited.get(name)).as(name).containsExactly(plain.get(name));
    }
  }
}
