// FixedPointFinder's flip-flop example (examples/torch/run_FlipFlop.py with FlipFlopData): a
// 16-unit network on 64-step trials in which each bit is pulsed at half of the steps, no input
// noise, trained to a mean squared error near 1e-5, then the fixed points of its zero-input
// dynamics from 1024 noisy states. FPF's PyTorch example uses a tanh RNN because its GRU search
// "is not working as expected"; this one uses a GRU (--set model=rnn for the tanh network).
// The published picture: 8 stable fixed points at the corners of a cube, one per memory, with
// saddles on its edges and faces. See README.md.
experiment('fpf-flip-flop') {
  seed 0
  task 'n-bit-flip-flop', steps: 64, switchProbability: 0.25, noise: 0
  model 'gru', hidden: 16
  loss 'mse'
  train {
    optimizer 'adam', lr: 0.01
    steps 3000; batch 128; batching 'trials'
  }
  evaluation { trials 128 }
  analyze 'output-error', trials: 128
  analyze 'latents'
  analyze 'fixed-points', initialStates: 1024, noiseScale: 0.5, learningRate: 0.01, maxIters: 10000,
      qThreshold: 1e-10
}
