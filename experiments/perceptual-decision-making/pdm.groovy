// Perceptual decision making (random-dot motion, two choices) with a leaky ReLU RNN,
// as in Yang's RNN tutorial on NeuroGym's PerceptualDecisionMaking. See README.md beside it.
experiment('perceptual-decision-making') {
  seed 42
  task 'perceptual-decision-making', dt: 20, timing: [stimulus: 1000]
  model 'leaky-rnn', hidden: 128, tau: 100, activation: 'relu'
  loss 'cross-entropy'
  train { optimizer 'adam', lr: 0.01; steps 2000; batch 16; sequenceLength 100 }
  evaluation { trials 200 }
  analyze 'decision-accuracy', trials: 200
}
