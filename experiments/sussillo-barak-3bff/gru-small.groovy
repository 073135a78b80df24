// 3-bit flip-flop (Sussillo & Barak 2013, CtDB's NBitFlipFlop and NBFF loss) with a 128-unit GRU:
// a small variant of gru.groovy that trains in a few minutes on 2 cores. See README.md beside it.
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
