package org.rnnlab.api.task;

/** How an open-loop task states what the network should output. */
public enum TargetKind {
  /** One class index per time step (NeuroGym's Discrete action spaces). */
  CLASS_INDEX,
  /** One real vector per time step, as wide as the output channels. */
  CONTINUOUS
}
