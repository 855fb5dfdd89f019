"""The numerical-core workloads of MarginBench, in JAX (CPU), for `make bench`.

Prints one line per workload: `NAME ms=<median milliseconds>`, each timed after a warm-up
(jit compilation excluded), with the same shapes and batch sizes as bench/MarginBench.
"""
import argparse
import statistics
import time

import jax
import jax.numpy as jnp

parser = argparse.ArgumentParser()
parser.add_argument("--repeats", type=int, default=10)
repeats = parser.parse_args().repeats


def median_ms(function, *arguments):
    jax.block_until_ready(function(*arguments))
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        jax.block_until_ready(function(*arguments))
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


key = jax.random.PRNGKey(0)


def normal(shape, scale):
    global key
    key, sub = jax.random.split(key)
    return jax.random.normal(sub, shape, jnp.float32) * scale


# Etmann et al.'s MNIST CNN: conv3x3 32/64/128 'same' + ReLU + maxpool 2, dense 128 + ReLU, dense 10.
cnn = {
    "c1": normal((32, 1, 3, 3), 0.3), "b1": jnp.zeros(32),
    "c2": normal((64, 32, 3, 3), 0.08), "b2": jnp.zeros(64),
    "c3": normal((128, 64, 3, 3), 0.06), "b3": jnp.zeros(128),
    "d1": normal((128 * 3 * 3, 128), 0.04), "e1": jnp.zeros(128),
    "d2": normal((128, 10), 0.1), "e2": jnp.zeros(10),
}


def cnn_logits(params, x):
    for c, b in (("c1", "b1"), ("c2", "b2"), ("c3", "b3")):
        x = jax.lax.conv_general_dilated(x, params[c], (1, 1), "SAME", dimension_numbers=("NCHW", "OIHW", "NCHW"))
        x = jax.nn.relu(x + params[b][None, :, None, None])
        x = jax.lax.reduce_window(x, -jnp.inf, jax.lax.max, (1, 1, 2, 2), (1, 1, 2, 2), "VALID")
    x = x.reshape(x.shape[0], -1)
    x = jax.nn.relu(x @ params["d1"] + params["e1"])
    return x @ params["d2"] + params["e2"]


def nll(params, x, y):
    return -jnp.mean(jnp.take_along_axis(jax.nn.log_softmax(cnn_logits(params, x)), y[:, None], axis=1))


def double_backprop(params, x, y, lam=100.0):
    """NLL + lam * batch mean of the squared input gradients of the batch-mean NLL (Etmann et al.)."""
    input_gradient = jax.grad(nll, argnums=1)(params, x, y)
    return nll(params, x, y) + lam * jnp.sum(input_gradient ** 2) / x.shape[0]


images = jax.random.uniform(jax.random.PRNGKey(1), (100, 1, 28, 28), jnp.float32)
labels = jnp.arange(100) % 10
print(f"cnn-nll-grad ms={median_ms(jax.jit(jax.grad(nll)), cnn, images, labels):.3f}", flush=True)
print(f"cnn-double-backprop ms={median_ms(jax.jit(jax.grad(double_backprop)), cnn, images, labels):.3f}", flush=True)


def mlp(depth):
    widths = [784] + [1024] * (depth - 1) + [10]
    return [(normal((a, b), (1 / a) ** 0.5), jnp.zeros(b)) for a, b in zip(widths, widths[1:])]


def mlp_logits(params, x):
    for w, b in params[:-1]:
        x = jax.nn.sigmoid(x @ w + b)
    w, b = params[-1]
    return x @ w + b


def mlp_nll(params, x, y):
    return -jnp.mean(jnp.take_along_axis(jax.nn.log_softmax(mlp_logits(params, x)), y[:, None], axis=1))


flat = images.reshape(100, 784)
for depth in (2, 3, 4):
    print(f"mlp{depth}-sigmoid-grad ms={median_ms(jax.jit(jax.grad(mlp_nll)), mlp(depth), flat, labels):.3f}", flush=True)

# CRC's inner loop: 600 gradients (30 outer x 20 inner steps) of a logit difference
# z_target - z_label of the 2-layer sigmoid net with respect to 150 inputs.
two_layer = mlp(2)
points = jax.random.uniform(jax.random.PRNGKey(2), (150, 784), jnp.float32)
point_labels = jnp.arange(150) % 10
targets = (point_labels + 1) % 10


def margin(x):
    logits = mlp_logits(two_layer, x)
    rows = jnp.arange(150)
    return jnp.sum(logits[rows, targets] - logits[rows, point_labels])


margin_gradient = jax.jit(jax.grad(margin))


def crc_inner_loop(x):
    for _ in range(600):
        x = x - 1e-3 * margin_gradient(x)
    return x


print(f"crc-inner-loop ms={median_ms(crc_inner_loop, points):.3f}", flush=True)
