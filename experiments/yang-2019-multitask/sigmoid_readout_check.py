"""An independent numpy implementation of the source's training step, to test rnnlab's.

Yang et al.'s LeakyRNN (gyyang/multitask, network.py) with its lsq cost and optimiser:

    h_t   = (1 - a) h_{t-1} + a relu(x_t W_in + h_{t-1} W_rec + b + sqrt(2/a) s_rec N(0, 1))
    y_t   = sigmoid(h_t W_out + b_out)            (or linear, with --readout linear)
    cost  = mean over time, batch and outputs of ((y_t - y*_t) c_t)^2
    step  = Adam(lr 1e-3) on every gradient element clipped to [-1, 1]

with a = 0.2, s_rec = 0.05, W_rec = 0.5 x random orthogonal, W_in = randn / sqrt(n_input),
b = 0, W_out Glorot-uniform and b_out = 0. Gradients are written out by hand (backpropagation
through time), so nothing is shared with rnnlab except the trials, which are read from a file
written by `rnnlab task sample` (inputs, targets, the 0/1/5 cost mask and the fixation output's
weight of 2). It prints the loss, the mean rate and the recurrent matrix's spectral radius, which
show whether the network's activity runs away in the first steps.

    ./rnnlab task sample yang-dm1 --trials 3840 --out dm1.npz
    python3 experiments/yang-2019-multitask/sigmoid_readout_check.py dm1.npz --seed 0

Needs only numpy. Trials are used in file order, 64 per step, wrapping around.
"""

import argparse

import numpy as np

ALPHA = 0.2
SIGMA_REC = 0.05
LEARNING_RATE = 1e-3
BATCH = 64


def initial_weights(rng, n_input, n_hidden, n_output):
    orthogonal, _ = np.linalg.qr(rng.standard_normal((n_hidden, n_hidden)))
    glorot_limit = np.sqrt(6 / (n_hidden + n_output))
    return {
        "W_in": rng.standard_normal((n_input, n_hidden)) / np.sqrt(n_input),
        "W_rec": 0.5 * orthogonal,
        "b": np.zeros(n_hidden),
        "W_out": rng.uniform(-glorot_limit, glorot_limit, (n_hidden, n_output)),
        "b_out": np.zeros(n_output),
    }


def loss_and_gradients(w, inputs, targets, cost_mask, sigmoid, rng):
    """inputs [T, B, n_input], targets and cost_mask [T, B, n_output]."""
    steps, batch, _ = inputs.shape
    noise_std = np.sqrt(2 / ALPHA) * SIGMA_REC
    h = np.zeros((batch, w["b"].size))
    states, preactivations = [h], []
    for t in range(steps):
        pre = inputs[t] @ w["W_in"] + h @ w["W_rec"] + w["b"]
        pre = pre + noise_std * rng.standard_normal(pre.shape)
        h = (1 - ALPHA) * h + ALPHA * np.maximum(pre, 0)
        states.append(h)
        preactivations.append(pre)
    rates = np.stack(states[1:])
    z = rates @ w["W_out"] + w["b_out"]
    y = 1 / (1 + np.exp(-np.clip(z, -500, 500))) if sigmoid else z
    weighted_error = (y - targets) * cost_mask
    loss = np.mean(weighted_error**2)

    dz = 2 * weighted_error * cost_mask / weighted_error.size
    if sigmoid:
        dz = dz * y * (1 - y)
    grads = {name: np.zeros_like(value) for name, value in w.items()}
    grads["W_out"] = np.einsum("tbh,tbo->ho", rates, dz)
    grads["b_out"] = dz.sum(axis=(0, 1))
    d_rates = dz @ w["W_out"].T
    carry = np.zeros_like(h)
    for t in range(steps - 1, -1, -1):
        dh = d_rates[t] + carry
        d_pre = ALPHA * dh * (preactivations[t] > 0)
        grads["W_in"] += inputs[t].T @ d_pre
        grads["W_rec"] += states[t].T @ d_pre
        grads["b"] += d_pre.sum(axis=0)
        carry = (1 - ALPHA) * dh + d_pre @ w["W_rec"].T
    return loss, rates.mean(), grads


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trials", help="an .npz written by `rnnlab task sample`")
    parser.add_argument("--hidden", type=int, default=256)
    parser.add_argument("--readout", choices=["sigmoid", "linear"], default="sigmoid")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--steps", type=int, default=60)
    args = parser.parse_args()

    trials = np.load(args.trials)
    inputs = trials["inputs"].astype(np.float64)
    targets = trials["targets"].astype(np.float64)
    cost_mask = trials["mask"].astype(np.float64)[:, :, None] * np.ones(targets.shape[2])
    cost_mask[:, :, 0] *= trials["meta_fixationOutputWeight"][:, None]

    rng = np.random.default_rng(args.seed)
    w = initial_weights(rng, inputs.shape[2], args.hidden, targets.shape[2])
    first_moment = {name: np.zeros_like(value) for name, value in w.items()}
    second_moment = {name: np.zeros_like(value) for name, value in w.items()}
    for step in range(1, args.steps + 1):
        rows = np.arange((step - 1) * BATCH, step * BATCH) % inputs.shape[0]
        loss, mean_rate, grads = loss_and_gradients(
            w,
            inputs[rows].transpose(1, 0, 2),
            targets[rows].transpose(1, 0, 2),
            cost_mask[rows].transpose(1, 0, 2),
            args.readout == "sigmoid",
            rng,
        )
        step_size = LEARNING_RATE * np.sqrt(1 - 0.999**step) / (1 - 0.9**step)
        for name in w:
            g = np.clip(grads[name], -1, 1)
            first_moment[name] = 0.9 * first_moment[name] + 0.1 * g
            second_moment[name] = 0.999 * second_moment[name] + 0.001 * g * g
            w[name] -= step_size * first_moment[name] / (np.sqrt(second_moment[name]) + 1e-8)
        if step <= 10 or step % 10 == 0:
            radius = np.max(np.abs(np.linalg.eigvals(w["W_rec"])))
            print(
                f"step {step:4d}  loss {loss:.4f}  mean rate {mean_rate:.3g}"
                f"  spectral radius {radius:.3f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
