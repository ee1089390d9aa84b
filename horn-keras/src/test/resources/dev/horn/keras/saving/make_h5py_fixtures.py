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
    # Keras 2's optimizer_v2 Adam: iter, its hyperparameters as scalar variables (_create_hypers), which
    # loading leaves at the compiled values, then every m, then every v
    ow = f.create_group("optimizer_weights")
    hypers = {"Adam/beta_1:0": 0.9, "Adam/beta_2:0": 0.999, "Adam/decay:0": 0.0, "Adam/learning_rate:0": 0.001}
    onames = ["Adam/iter:0"] + list(hypers) + [f"Adam/{name}/{w}/{slot}:0" for slot in ("m", "v")
                                               for name, _ in shapes for w in ("kernel", "bias")]
    ow.attrs["weight_names"] = np.array([n.encode("utf8") for n in onames])
    ow.create_dataset("Adam/iter:0", data=np.array(7, dtype=np.int64))
    for n, v in hypers.items():
        ow.create_dataset(n, data=np.array(v, dtype=np.float32))
    layer_index = {name: i for i, (name, _) in enumerate(shapes)}
    for n in onames[1 + len(hypers):]:  # m of variable k is 0.01 (k + 1), v is 0.001 (k + 1), k counting kernels and biases
        layer, w, slot = n.split("/")[1], n.split("/")[2], n.split("/")[3][0]
        k = 2 * layer_index[layer] + (0 if w == "kernel" else 1)
        scale = 0.01 if slot == "m" else 0.001
        ow.create_dataset(n, data=np.full(weights[layer][0 if w == "kernel" else 1].shape, scale * (k + 1), dtype=np.float32))

x = (np.arange(16, dtype=np.float32).reshape(2, 8) / 10 - 0.5).astype(np.float32)
h = x
for i, (name, vs) in enumerate(weights.items()):
    h = h @ vs[0] + vs[1]
    h = np.maximum(h, 0) if i < 2 else 1 / (1 + np.exp(-h))
print("predictions", [float(v) for v in h.ravel()])

# ---- Keras 2.12 legacy HDF5 under a .keras name, laid out as pdiot-lstm-bn.keras (keras-written/README.md) ----
# LSTM(2, relu, return_sequences) -> BatchNormalization(axis [2]) -> Flatten -> Dense(2, softmax): the LSTM's
# weights nested in its cell's name, empty weight_names stored by h5py as float64, an empty
# top_level_model_weights, "Custom>Adam" and MeanMetricWrapper metrics, the 2.11+ optimizer layout
# (iteration, then m and v interleaved per variable, named by slot and variable).
lstm_w = [value((3, 8), 1), value((2, 8), 2), value((8,), 3)]
bn_w = [1 + value((2,), 4), value((2,), 5), value((2,), 6), 1 + np.abs(value((2,), 7))]
dense_w = [value((8, 2), 8), value((2,), 9)]
init = {"class_name": "GlorotUniform", "config": {"seed": None}}
layers212 = [
    {"class_name": "InputLayer", "config": {"batch_input_shape": [None, 4, 3], "dtype": "float32", "sparse": False,
                                            "ragged": False, "name": "lstm_input"}},
    {"class_name": "LSTM", "config": {
        "name": "lstm", "trainable": True, "dtype": "float32", "batch_input_shape": [None, 4, 3],
        "return_sequences": True, "return_state": False, "go_backwards": False, "stateful": False, "unroll": False,
        "time_major": False, "units": 2, "activation": "relu", "recurrent_activation": "sigmoid", "use_bias": True,
        "kernel_initializer": init, "recurrent_initializer": {"class_name": "Orthogonal", "config": {"gain": 1.0, "seed": None}},
        "bias_initializer": {"class_name": "Zeros", "config": {}}, "unit_forget_bias": True, "kernel_regularizer": None,
        "recurrent_regularizer": None, "bias_regularizer": None, "activity_regularizer": None, "kernel_constraint": None,
        "recurrent_constraint": None, "bias_constraint": None, "dropout": 0.0, "recurrent_dropout": 0.0, "implementation": 2}},
    {"class_name": "BatchNormalization", "config": {
        "name": "batch_normalization", "trainable": True, "dtype": "float32", "axis": [2], "momentum": 0.99,
        "epsilon": 0.001, "center": True, "scale": True, "beta_initializer": {"class_name": "Zeros", "config": {}},
        "gamma_initializer": {"class_name": "Ones", "config": {}},
        "moving_mean_initializer": {"class_name": "Zeros", "config": {}},
        "moving_variance_initializer": {"class_name": "Ones", "config": {}}, "beta_regularizer": None,
        "gamma_regularizer": None, "beta_constraint": None, "gamma_constraint": None}},
    {"class_name": "Flatten", "config": {"name": "flatten", "trainable": True, "dtype": "float32", "data_format": "channels_last"}},
    {"class_name": "Dense", "config": {
        "name": "dense", "trainable": True, "dtype": "float32", "units": 2, "activation": "softmax", "use_bias": True,
        "kernel_initializer": init, "bias_initializer": {"class_name": "Zeros", "config": {}}, "kernel_regularizer": None,
        "bias_regularizer": None, "activity_regularizer": None, "kernel_constraint": None, "bias_constraint": None}}]
training212 = {"loss": "sparse_categorical_crossentropy",
               "metrics": [[{"class_name": "MeanMetricWrapper", "config": {
                   "name": "accuracy", "dtype": "float32", "fn": "sparse_categorical_accuracy"}}]],
               "weighted_metrics": None, "loss_weights": None,
               "optimizer_config": {"class_name": "Custom>Adam", "config": {
                   "name": "Adam", "weight_decay": None, "clipnorm": None, "global_clipnorm": None, "clipvalue": None,
                   "use_ema": False, "ema_momentum": 0.99, "ema_overwrite_frequency": None, "jit_compile": False,
                   "is_legacy_optimizer": False, "learning_rate": 0.0010000000474974513, "beta_1": 0.9,
                   "beta_2": 0.999, "epsilon": 1e-07, "amsgrad": False}}}
named212 = {"lstm": [("lstm/lstm_cell/" + n, v) for n, v in zip(("kernel:0", "recurrent_kernel:0", "bias:0"), lstm_w)],
            "batch_normalization": [("batch_normalization/" + n, v) for n, v in
                                    zip(("gamma:0", "beta:0", "moving_mean:0", "moving_variance:0"), bn_w)],
            "flatten": [], "dense": [("dense/kernel:0", dense_w[0]), ("dense/bias:0", dense_w[1])]}
with h5py.File(f"{here}/h5py-keras212-lstm-bn.keras", "w") as f:
    f.attrs["backend"] = "tensorflow"
    f.attrs["keras_version"] = "2.12.0"
    f.attrs["model_config"] = json.dumps({"class_name": "Sequential", "config": {"name": "sequential", "layers": layers212}})
    f.attrs["training_config"] = json.dumps(training212)
    mw = f.create_group("model_weights")
    mw.attrs["backend"] = "tensorflow"
    mw.attrs["keras_version"] = "2.12.0"
    mw.attrs["layer_names"] = np.array([n.encode("utf8") for n in list(named212) + ["top_level_model_weights"]])
    for layer, ws in list(named212.items()) + [("top_level_model_weights", [])]:
        g = mw.create_group(layer)
        g.attrs["weight_names"] = np.array([n.encode("utf8") for n, _ in ws]) if ws else np.array([])  # float64 when empty
        for n, v in ws:
            g.create_dataset(n, data=v)
    trainable = [(n, v) for n, v in named212["lstm"]] + named212["batch_normalization"][:2] + named212["dense"]
    ow = f.create_group("optimizer_weights")
    onames = ["iteration:0"]
    ow.create_dataset("iteration:0", data=np.array(5, dtype=np.int64))
    for k, (n, v) in enumerate(trainable):
        for slot, scale in (("m", 0.01), ("v", 0.001)):
            onames.append(f"Adam/{slot}/{n}")
            ow.create_dataset(f"Adam/{slot}/{n}", data=np.full(v.shape, scale * (k + 1), dtype=np.float32))
    ow.attrs["weight_names"] = np.array([n.encode("utf8") for n in onames])

x212 = np.sin(0.37 * np.arange(2 * 4 * 3) + 0.1).astype(np.float32).reshape(2, 4, 3).astype(np.float64)
hs, cs, outs = np.zeros((2, 2)), np.zeros((2, 2)), []
for t in range(4):
    z = x212[:, t] @ lstm_w[0] + hs @ lstm_w[1] + lstm_w[2]
    i, fg, g, o = (z[:, j * 2:(j + 1) * 2] for j in range(4))
    sig = lambda v: 1 / (1 + np.exp(-v))
    cs = sig(fg) * cs + sig(i) * np.maximum(g, 0)
    hs = sig(o) * np.maximum(cs, 0)
    outs.append(hs)
y212 = np.stack(outs, 1)
y212 = bn_w[0] * (y212 - bn_w[2]) / np.sqrt(bn_w[3] + 0.001) + bn_w[1]
y212 = y212.reshape(2, -1) @ dense_w[0] + dense_w[1]
y212 = np.exp(y212) / np.exp(y212).sum(-1, keepdims=True)
print("keras212 predictions", [float(v) for v in y212.ravel()])

# ---- Keras 2.15 .keras written on Windows, laid out as abhaypandy-churn.keras: os.path.join put a backslash
# inside the group names ("layers\\dense"), no `name` attributes, Keras 2's optimizer variables ----
buf = io.BytesIO()
with h5py.File(buf, "w") as f:
    f.create_group("vars")
    for name, vs in weights.items():
        key = "layers\\" + ("dense" if name == "dense" else name)
        g = f.create_group(key).create_group("vars")
        for i, v in enumerate(vs):
            g[str(i)] = v
    for metric in ("mean", "mean_metric_wrapper"):
        g = f.create_group("metrics\\" + metric).create_group("vars")
        g["0"] = np.array(0, dtype=np.float32)
        g["1"] = np.array(0, dtype=np.float32)
    o = f.create_group("optimizer").create_group("vars")
    o["0"] = np.array(7, dtype=np.int64)
    k = 1
    for name, vs in weights.items():
        for v in vs:
            o[str(k)] = np.zeros(v.shape, dtype=np.float32)
            o[str(k + 1)] = np.zeros(v.shape, dtype=np.float32)
            k += 2
with zipfile.ZipFile(f"{here}/h5py-keras215-windows.keras", "w") as zf:
    zf.writestr("metadata.json", json.dumps({"keras_version": "2.15.0", "date_saved": "2026-12-01@22:00:00"}))
    zf.writestr("config.json", config)
    zf.writestr("model.weights.h5", buf.getvalue())
