"""Writes the two h5py fixtures the saving tests load, as Keras writes such files.

Keras itself is not installed here, so this reproduces its writers with the libraries it uses
(h5py on libhdf5, Python's zipfile), following keras/src/saving/saving_lib.py (H5IOStore: a
`vars` group per saveable with a `name` attribute, datasets "0", "1", ...; the zip stored
uncompressed) and keras/src/legacy/saving/legacy_h5_format.py (string attributes; layer_names
and weight_names as arrays of UTF-8 bytes). Values are arange-based so the tests can recompute
them. Run: python3 make_h5py_fixtures.py
"""
import io
import json
import zipfile

import h5py
import numpy as np

here = __file__.rsplit("/", 1)[0] if "/" in __file__ else "."
config = open(f"{here}/keras3-sequential-config.json").read().strip()
shapes = [("dense", [(8, 12), (12,)]), ("dense_1", [(12, 8), (8,)]), ("dense_2", [(8, 1), (1,)])]


def value(shape, offset):
    n = int(np.prod(shape))
    return ((np.arange(n, dtype=np.float32) + offset) % 17 / 40.0 - 0.2).reshape(shape).astype(np.float32)


weights = {name: [value(s, 3 * i + j) for j, s in enumerate(ss)] for i, (name, ss) in enumerate(shapes)}

# ---- Keras 3 .keras ----
buf = io.BytesIO()
with h5py.File(buf, "w") as f:
    f.create_group("vars").attrs["name"] = "sequential"
    for name, vs in weights.items():
        g = f.create_group(f"layers/{name}").create_group("vars")
        g.attrs["name"] = name
        for i, v in enumerate(vs):
            g[str(i)] = v
    o = f.create_group("optimizer").create_group("vars")
    o.attrs["name"] = "adam"
    o["0"] = np.array(7, dtype=np.int64)
    o["1"] = np.array(0.001, dtype=np.float32)
    k = 2
    for name, vs in weights.items():
        for v in vs:  # momentum and velocity interleaved per variable, as add_optimizer_variables
            o[str(k)] = np.full(v.shape, 0.01 * k, dtype=np.float32)
            o[str(k + 1)] = np.full(v.shape, 0.001 * k, dtype=np.float32)
            k += 2
with zipfile.ZipFile(f"{here}/h5py-keras3-model.keras", "w") as zf:
    zf.writestr("metadata.json", json.dumps({"keras_version": "3.10.0", "date_saved": "2026-12-01@22:00:00"}))
    zf.writestr("config.json", config)
    zf.writestr("model.weights.h5", buf.getvalue())

# ---- Keras 2 .h5 ----
layers2 = [{"class_name": "InputLayer", "config": {"batch_input_shape": [None, 8], "dtype": "float32", "sparse": False,
                                                    "ragged": False, "name": "dense_input"}}]
for (name, _), units, act in zip(shapes, [12, 8, 1], ["relu", "relu", "sigmoid"]):
    layers2.append({"class_name": "Dense", "config": {
        "name": name, "trainable": True, "dtype": "float32", "units": units, "activation": act, "use_bias": True,
        "kernel_initializer": {"class_name": "GlorotUniform", "config": {"seed": None}},
        "bias_initializer": {"class_name": "Zeros", "config": {}}, "kernel_regularizer": None,
        "bias_regularizer": None, "activity_regularizer": None, "kernel_constraint": None, "bias_constraint": None}})
model_config = {"class_name": "Sequential", "config": {"name": "sequential", "layers": layers2}}
training_config = {"loss": "binary_crossentropy", "metrics": ["accuracy"], "weighted_metrics": None, "loss_weights": None,
                   "optimizer_config": {"class_name": "Adam", "config": {
                       "name": "Adam", "learning_rate": 0.0010000000474974513, "decay": 0.0, "beta_1": 0.9,
                       "beta_2": 0.999, "epsilon": 1e-07, "amsgrad": False}}}
with h5py.File(f"{here}/h5py-keras2-model.h5", "w") as f:
    f.attrs["keras_version"] = "2.15.0"
    f.attrs["backend"] = "tensorflow"
    f.attrs["model_config"] = json.dumps(model_config)
    f.attrs["training_config"] = json.dumps(training_config)
    mw = f.create_group("model_weights")
    mw.attrs["layer_names"] = np.array([n.encode("utf8") for n, _ in shapes])
    mw.attrs["backend"] = "tensorflow"
    mw.attrs["keras_version"] = "2.15.0"
    for name, vs in weights.items():
        g = mw.create_group(name)
        names = [f"{name}/kernel:0", f"{name}/bias:0"]
        g.attrs["weight_names"] = np.array([n.encode("utf8") for n in names])
        for n, v in zip(names, vs):
            g.create_dataset(n, data=v)
    # Keras 2's optimizer_v2 Adam: iter, then every m, then every v; no learning-rate variable
    ow = f.create_group("optimizer_weights")
    onames = ["Adam/iter:0"] + [f"Adam/{name}/{w}/{slot}:0" for slot in ("m", "v")
                                 for name, _ in shapes for w in ("kernel", "bias")]
    ow.attrs["weight_names"] = np.array([n.encode("utf8") for n in onames])
    ow.create_dataset("Adam/iter:0", data=np.array(7, dtype=np.int64))
    for n in onames[1:]:
        layer, w = n.split("/")[1], n.split("/")[2]
        ow.create_dataset(n, data=np.zeros(weights[layer][0 if w == "kernel" else 1].shape, dtype=np.float32))

x = (np.arange(16, dtype=np.float32).reshape(2, 8) / 10 - 0.5).astype(np.float32)
h = x
for i, (name, vs) in enumerate(weights.items()):
    h = h @ vs[0] + vs[1]
    h = np.maximum(h, 0) if i < 2 else 1 / (1 + np.exp(-h))
print("predictions", [float(v) for v in h.ravel()])
