"""The figure workload of MarginBench in matplotlib (Agg), for `make bench`.

A 10,000-point scatter with axes, labels and a title, 4 x 3 inches at 150 dpi, drawn and
encoded as PNG in memory. Prints `scatter-10k ms=<median milliseconds>`.
"""
import argparse
import io
import statistics
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--repeats", type=int, default=10)
repeats = parser.parse_args().repeats

rng = np.random.default_rng(7)
x = rng.standard_normal(10_000)
y = 0.8 * x + 0.6 * rng.standard_normal(10_000)


def draw():
    figure, axes = plt.subplots(figsize=(4, 3), dpi=150)
    axes.scatter(x, y, s=3, alpha=0.3)
    axes.set_title("10,000 points")
    axes.set_xlabel("alignment α")
    axes.set_ylabel("robustness ρ̃")
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=150)
    plt.close(figure)


draw()
times = []
for _ in range(repeats):
    start = time.perf_counter()
    draw()
    times.append((time.perf_counter() - start) * 1000)
print(f"scatter-10k ms={statistics.median(times):.3f}", flush=True)
