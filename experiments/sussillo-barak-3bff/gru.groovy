// 3-bit flip-flop (Sussillo & Barak 2013) as CtDB trains it: NBitFlipFlop with its defaults
// (3 bits, 500 steps, switch probability 0.01, input noise 0.15), a 128-unit GRU with a learned
// initial state (latent_ic_var 0.05), the NBFF loss (4 blind steps after each transition),
// Adam lr 1e-3 with weight decay 1e-8, gradient clipping at norm 1, batches of 256.
// CtDB runs 1000 epochs of 4 batches (800 training trials); rnnlab draws fresh trials for every
// batch, so 4000 steps see as many trials. See README.md beside it.
experiment('3bff-gru') {
  seed 0
  task 'n-bit-flip-flop'
  model 'gru', hidden: 128, initialState: 'learned', latentIcVar: 0.05
  loss 'nbff', transitionBlind: 4
  train {
    optimizer 'adam', lr: 0.001, weightDecay: 1e-8
    steps 4000; batch 256; batching 'trials'; clipGradNorm 1.0
  }
  evaluation { trials 200 }
  analyze 'output-error', trials: 200, initialBlind: 5, transitionBlind: 4
}
