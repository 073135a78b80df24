package org.rnnlab.plugins.models;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.rnnlab.api.model.NetworkShape;
import org.rnnlab.api.model.Noise;
import org.rnnlab.api.model.RecurrentNetwork;

/**
 * Where the time of a GRU or LSTM training step goes: PyTorch's fused operator alone ({@code
 * torch::gru} / {@code torch::lstm} through DJL, no rnnlab code) against the {@code gru} and {@code
 * lstm} models' forward pass with the same sizes, each followed by the backward pass of a mean
 * squared output. Run with {@code -Drnnlab.benchmark=true} ({@code bench/training-step.sh --cells}
 * does); prints {@code BENCH} lines, each the median of the repeats after two warm-up repeats.
 */
@EnabledIfSystemProperty(named = "rnnlab.benchmark", matches = "true")
class FusedCellBenchmark {

  private static final int INPUTS = 3;

  @Test
  void fusedOperatorAgainstModelForwardAndBackward() {
    int hidden = Integer.getInteger("rnnlab.benchmark.hidden", 128);
    int batch = Integer.getInteger("rnnlab.benchmark.batch", 16);
    int steps = Integer.getInteger("rnnlab.benchmark.steps", 100);
    int repeats = Integer.getInteger("rnnlab.benchmark.repeats", 30);
    String size = "hidden " + hidden + ", batch " + batch + ", sequence " + steps;
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray inputs = manager.randomNormal(new Shape(batch, steps, INPUTS));
      for (String cell : new String[] {"gru", "lstm"}) {
        double[] raw = timeRawOperator(cell, hidden, inputs, repeats, manager);
        double[] model = timeModel(cell, hidden, inputs, repeats, manager);
        System.out.printf(
            "BENCH %s (%s): fused operator forward %.1f ms, forward+backward %.1f ms;"
                + " model forward %.1f ms, forward+backward %.1f ms%n",
            cell, size, raw[0], raw[1], model[0], model[1]);
      }
    }
  }

  /** {median forward ms, median forward+backward ms} of the bare fused operator. */
  private static double[] timeRawOperator(
      String cell, int hidden, NDArray inputs, int repeats, NDManager manager) {
    int gates = cell.equals("gru") ? 3 : 4;
    NDList weights =
        new NDList(
            manager.randomNormal(0f, 0.1f, new Shape(gates * hidden, INPUTS), DataType.FLOAT32),
            manager.randomNormal(0f, 0.1f, new Shape(gates * hidden, hidden), DataType.FLOAT32),
            manager.zeros(new Shape(gates * hidden)),
            manager.zeros(new Shape(gates * hidden)));
    weights.forEach(w -> w.setRequiresGradient(true));
    long batch = inputs.getShape().get(0);
    return time(
        repeats,
        manager,
        m -> {
          NDArray h0 = m.zeros(new Shape(1, batch, hidden));
          NDList out =
              cell.equals("gru")
                  ? inputs
                      .getNDArrayInternal()
                      .gru(inputs, h0, weights, true, 1, 0.0, true, false, true)
                  : inputs
                      .getNDArrayInternal()
                      .lstm(
                          inputs,
                          new NDList(h0, m.zeros(new Shape(1, batch, hidden))),
                          weights,
                          true,
                          1,
                          0.0,
                          true,
                          false,
                          true);
          out.attach(m);
          return out.get(0);
        },
        weights.get(0));
  }

  /** The same for the {@code gru} or {@code lstm} model's noise-free forward pass. */
  private static double[] timeModel(
      String cell, int hidden, NDArray inputs, int repeats, NDManager manager) {
    RecurrentNetwork network =
        Nets.build(
            cell.equals("gru") ? new Gru() : new Lstm(),
            new NetworkShape(INPUTS, INPUTS, 20),
            Map.of("hidden", hidden),
            1,
            manager);
    NDArray anyParameter = network.parameters().values().iterator().next();
    return time(
        repeats,
        manager,
        m ->
            network
                .forward(
                    inputs, network.initialState((int) inputs.getShape().get(0), m), Noise.NONE)
                .outputs(),
        anyParameter);
  }

  private interface Forward {
    NDArray run(NDManager scratch);
  }

  private static double[] time(int repeats, NDManager manager, Forward forward, NDArray parameter) {
    int warmUp = 2;
    double[] forwardMs = new double[repeats];
    double[] totalMs = new double[repeats];
    for (int r = 0; r < warmUp + repeats; r++) {
      try (NDManager scratch = manager.newSubManager();
          GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        long start = System.nanoTime();
        NDArray loss = forward.run(scratch).square().mean();
        loss.getFloat();
        long forwardDone = System.nanoTime();
        collector.backward(loss);
        parameter.getGradient().toFloatArray();
        long end = System.nanoTime();
        if (r >= warmUp) {
          forwardMs[r - warmUp] = (forwardDone - start) / 1e6;
          totalMs[r - warmUp] = (end - start) / 1e6;
        }
      }
    }
    return new double[] {median(forwardMs), median(totalMs)};
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
