// Yang et al. 2019: one leaky ReLU RNN of 256 units trained on all 20 tasks at once (full size: hours on 2 cores).
// See README.md beside this file for what it reproduces and the numbers it reaches.
experiment('yang-2019-multitask') {
  seed 0
  task 'task-mixer', schedule: 'random', tasks: [
    [id: 'yang-go'],
    [id: 'yang-rtgo'],
    [id: 'yang-dlygo'],
    [id: 'yang-anti'],
    [id: 'yang-rtanti'],
    [id: 'yang-dlyanti'],
    [id: 'yang-dm1'],
    [id: 'yang-dm2'],
    [id: 'yang-ctxdm1'],
    [id: 'yang-ctxdm2'],
    [id: 'yang-multidm'],
    [id: 'yang-dlydm1'],
    [id: 'yang-dlydm2'],
    [id: 'yang-ctxdlydm1'],
    [id: 'yang-ctxdlydm2'],
    [id: 'yang-multidlydm'],
    [id: 'yang-dms'],
    [id: 'yang-dnms'],
    [id: 'yang-dmc'],
    [id: 'yang-dnmc']
  ]
  // Yang's LeakyRNN: ReLU, tau 100 ms at dt 20 ms (alpha 0.2), recurrent noise sigma_rec 0.05
  // inside the nonlinearity, recurrent weights 0.5 x a random orthogonal matrix, input weights
  // randn/sqrt(n_input), one bias starting at zero; a Glorot-uniform readout with a zero bias.
  // The readout is linear: the source's sigmoid (outputActivation: 'sigmoid') makes this ReLU
  // network's activity explode within 60 steps at 256 units (see README.md, decision 27).
  model 'leaky-rnn', hidden: 256, tau: 100, activation: 'relu', noise: 0.05,
      recurrentInit: 'orthogonal', recurrentGain: 0.5, inputInit: 'gaussian',
      inputBias: false, biasInit: 'zero', outputInit: 'glorot'
  // Yang's lsq cost: mean(((y - y*) * c_mask)^2), the fixation output weighed twice; Adam with
  // every gradient element clipped to [-1, 1] (tf.clip_by_value in Model.set_optimizer).
  loss 'mse', weighting: 'error'
  train { optimizer 'adam', lr: 0.001; steps 150000; batch 64; batching 'trials'
    clipGradValue 1; checkpointEvery 1000 }
  evaluation { trials 512 }
  analyze 'yang-accuracy', trials: 2000
}
