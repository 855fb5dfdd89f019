"""Writes pytorch-style-checkpoint.safetensors, the fixture of SafetensorsInteropTests.

A PyTorch-style state dict of a small MLP with batch norm (Margin's names and layouts: dense
weights [inputs, units]), including the int64 `num_batches_tracked` counter PyTorch stores,
the Margin ModelSpec in the metadata, and a reference forward pass computed here with numpy
(float32, batch norm in inference mode) under `check.inputs` / `check.logits`.

Run once with `pip install safetensors numpy`; the Swift tests do not need Python.
"""
import json

import numpy as np
from safetensors.numpy import save_file

rng = np.random.default_rng(2026)
f32 = np.float32
spec = {
    "name": "pytorch-style mlp",
    "inputShape": [4],
    "layers": [
        {"type": "dense", "units": 5, "bias": True},
        {"type": "batchNorm", "momentum": 0.1, "epsilon": 1e-5},
        {"type": "activation", "function": "relu"},
        {"type": "dense", "units": 3, "bias": True},
    ],
}
tensors = {
    "layers.0.weight": rng.normal(size=(4, 5)).astype(f32),
    "layers.0.bias": rng.normal(size=5).astype(f32),
    "layers.1.weight": rng.uniform(0.5, 1.5, size=5).astype(f32),
    "layers.1.bias": rng.normal(size=5).astype(f32),
    "layers.1.running_mean": rng.normal(size=5).astype(f32),
    "layers.1.running_var": rng.uniform(0.5, 2.0, size=5).astype(f32),
    "layers.1.num_batches_tracked": np.array(37, dtype=np.int64),
    "layers.3.weight": rng.normal(size=(5, 3)).astype(f32),
    "layers.3.bias": rng.normal(size=3).astype(f32),
}
x = rng.normal(size=(6, 4)).astype(f32)
t = tensors
h = x @ t["layers.0.weight"] + t["layers.0.bias"]
h = (h - t["layers.1.running_mean"]) / np.sqrt(t["layers.1.running_var"] + f32(1e-5))
h = np.maximum(h * t["layers.1.weight"] + t["layers.1.bias"], 0)
logits = h @ t["layers.3.weight"] + t["layers.3.bias"]
tensors["check.inputs"] = x
tensors["check.logits"] = logits.astype(f32)
save_file(tensors, "pytorch-style-checkpoint.safetensors", metadata={"margin.model_spec": json.dumps(spec)})
