package org.rnnlab.api.spec;

/**
 * The optimiser of the training loop.
 *
 * @param id {@code adam} or {@code sgd}
 * @param learningRate step size
 * @param beta1 Adam's first-moment decay
 * @param beta2 Adam's second-moment decay
 * @param epsilon Adam's denominator guard
 * @param momentum SGD momentum (0 for plain SGD)
 * @param weightDecay L2 penalty added to the gradient (PyTorch's {@code weight_decay})
 */
public record OptimizerSpec(
    String id,
    double learningRate,
    double beta1,
    double beta2,
    double epsilon,
    double momentum,
    double weightDecay) {}
