// 3-bit flip-flop with a 128-unit GRU as CtDB trains it, at the size of the small variant of
// experiments/sussillo-barak-3bff (200-step trials, batches of 32, 1500 steps): the networks the
// small comparison analyses. Run it twice (seeds 0 and 1) to compare two GRUs. See README.md.
experiment('3bff-gru-small') {
  seed 0
  task 'n-bit-flip-flop', steps: 200
  model 'gru', hidden: 128, initialState: 'learned', latentIcVar: 0.05
  loss 'nbff'
  train {
    optimizer 'adam', lr: 0.001, weightDecay: 1e-8
    steps 1500; batch 32; batching 'trials'; clipGradNorm 1.0
  }
  evaluation { trials 200 }
  analyze 'output-error', trials: 200, initialBlind: 5, transitionBlind: 4
}
