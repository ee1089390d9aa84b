"""Computes, with numpy alone, what the Keras-written models listed in README.md predict.

The files are not in this repository (see README.md); put them in a folder and run
    python3 expected_outputs.py FOLDER > expected-outputs.json
Each model is run forward from the weights in its file (h5py) and the layer configs Keras wrote,
on a fixed input: x[i] = sin(0.37 i + 0.1) over the input's elements, batch 2. Only the layer
kinds these files use are implemented, each as Keras computes it (LSTM gates i, f, c, o;
SimpleRNN; BatchNormalization in inference; Dropout as identity).
"""
import io
import json
import sys
import zipfile

import h5py
import numpy as np

FILES = {
    "dl4j-keras-import-test.h5": "h5",
    "flownet-final.keras": "keras",
    "adit-churn.keras": "keras",
    "adit-churn.h5": "h5",
    "abhaypandy-churn.keras": "keras",
    "adirtka-char-model.keras": "keras",
    "anaya-melody-lstm.keras": "keras",
    "pdiot-lstm-bn.keras": "h5",
    "adirtka-mnist-dense.keras": "keras",
    "adirtka-mnist-cnn.keras": "keras",
}

ACT = {
    "linear": lambda x: x, "relu": lambda x: np.maximum(x, 0), "tanh": np.tanh,
    "sigmoid": lambda x: 1 / (1 + np.exp(-x)),
    "softmax": lambda x: np.exp(x - x.max(-1, keepdims=True)) / np.exp(x - x.max(-1, keepdims=True)).sum(-1, keepdims=True),
}


WEIGHTED = {"dense", "lstm", "simple_rnn", "batch_normalization", "conv2d"}


def act(a):
    return ACT[a if isinstance(a, str) else a["config"]["name"]]


def load(path, kind):
    """(layer configs, weights per layer in order) from a .keras zip or a legacy .h5."""
    if kind == "keras":
        z = zipfile.ZipFile(path)
        cfg = json.loads(z.read("config.json"))
        h = h5py.File(io.BytesIO(z.read("model.weights.h5")), "r")
        layers = [l for l in cfg["config"]["layers"] if l["class_name"] != "InputLayer"]
        root = next(k for k in h.keys() if k.startswith(("layers", "_layer_checkpoint")))
        sep = "/" if root in ("layers", "_layer_checkpoint_dependencies") else "\\"
        base = root.split("\\")[0]
        used, weights = {}, []
        for l in layers:
            snake = {"Dense": "dense", "LSTM": "lstm", "SimpleRNN": "simple_rnn", "Dropout": "dropout",
                     "LeakyReLU": "leaky_re_lu", "BatchNormalization": "batch_normalization", "Flatten": "flatten",
                     "Conv2D": "conv2d", "MaxPooling2D": "max_pooling2d"}[l["class_name"]]
            # Keras 2.13 visited each layer with weights twice, so it takes two numbers of its class
            step = 2 if base == "_layer_checkpoint_dependencies" and snake in WEIGHTED else 1
            n = used.get(snake, -step) + step
            used[snake] = n
            key = base + sep + (snake if n == 0 else f"{snake}_{n}")
            if l["class_name"] in ("LSTM", "SimpleRNN"):
                key += sep + "cell"
            g = h.get(key + "/vars") if sep == "/" else h.get(key + "/vars")
            weights.append([np.array(g[str(i)]) for i in range(len(g))] if g is not None else [])
        return cfg, layers, weights
    h = h5py.File(path, "r")
    cfg = json.loads(h.attrs["model_config"])
    layers = [l for l in cfg["config"]["layers"] if l["class_name"] != "InputLayer"]
    mw = h["model_weights"]
    weights = []
    for l in layers:
        g = mw[l["config"]["name"]]
        names = [n.decode() if isinstance(n, bytes) else n for n in g.attrs.get("weight_names", [])]
        weights.append([np.array(g[n]) for n in names])
    return cfg, layers, weights


def input_shape(cfg):
    layers = cfg["config"]["layers"]
    first = layers[0]["config"]
    shape = first.get("batch_shape") or first.get("batch_input_shape")
    return [2] + [d if d is not None else 5 for d in shape[1:]]


def forward(layers, weights, x):
    for l, w in zip(layers, weights):
        c, k = l["config"], l["class_name"]
        if k == "Dense":
            x = act(c["activation"])(x @ w[0] + (w[1] if c["use_bias"] else 0))
        elif k in ("Dropout",):
            pass
        elif k == "Conv2D":  # stride 1, "same" or "valid", channels_last
            kh, kw = c["kernel_size"]
            if c["padding"] == "same":
                x = np.pad(x, ((0, 0), ((kh - 1) // 2, kh // 2), ((kw - 1) // 2, kw // 2), (0, 0)))
            n, hh, ww, _ = x.shape
            out = np.zeros((n, hh - kh + 1, ww - kw + 1, w[0].shape[3]))
            for i in range(kh):
                for j in range(kw):
                    out += np.tensordot(x[:, i:i + out.shape[1], j:j + out.shape[2], :], w[0][i, j], axes=([3], [0]))
            x = act(c["activation"])(out + (w[1] if c["use_bias"] else 0))
        elif k == "MaxPooling2D":  # pool 2, stride 2, "valid"
            n, hh, ww, ch = x.shape
            x = x[:, :hh // 2 * 2, :ww // 2 * 2].reshape(n, hh // 2, 2, ww // 2, 2, ch).max(axis=(2, 4))
        elif k == "Flatten":
            x = x.reshape(x.shape[0], -1)
        elif k == "LeakyReLU":
            slope = c.get("negative_slope", c.get("alpha", 0.3))
            x = np.where(x >= 0, x, slope * x)
        elif k == "BatchNormalization":
            gamma, beta, mean, var = w
            x = gamma * (x - mean) / np.sqrt(var + c["epsilon"]) + beta
        elif k == "SimpleRNN":
            h = np.zeros((x.shape[0], w[1].shape[0]), np.float32)
            outs = []
            for t in range(x.shape[1]):
                h = act(c["activation"])(x[:, t] @ w[0] + h @ w[1] + w[2])
                outs.append(h)
            x = np.stack(outs, 1) if c["return_sequences"] else h
        elif k == "LSTM":
            units = w[1].shape[0]
            h = np.zeros((x.shape[0], units), np.float32)
            cell = np.zeros_like(h)
            outs = []
            for t in range(x.shape[1]):
                z = x[:, t] @ w[0] + h @ w[1] + w[2]
                i, f, g, o = (z[:, j * units:(j + 1) * units] for j in range(4))
                ra, a = act(c["recurrent_activation"]), act(c["activation"])
                cell = ra(f) * cell + ra(i) * a(g)
                h = ra(o) * a(cell)
                outs.append(h)
            x = np.stack(outs, 1) if c["return_sequences"] else h
        else:
            raise ValueError(k)
    return x


def version(path, kind):
    if kind == "keras":
        return json.loads(zipfile.ZipFile(path).read("metadata.json"))["keras_version"]
    v = h5py.File(path, "r").attrs["keras_version"]
    return v.decode() if isinstance(v, bytes) else v


def main(folder):
    out = {}
    for name, kind in FILES.items():
        cfg, layers, weights = load(f"{folder}/{name}", kind)
        shape = input_shape(cfg)
        x = np.sin(0.37 * np.arange(int(np.prod(shape))) + 0.1).astype(np.float32).reshape(shape)
        y = forward(layers, [[np.asarray(a, np.float64) for a in w] for w in weights], x.astype(np.float64))
        out[name] = {"keras_version": version(f"{folder}/{name}", kind), "params": sum(int(np.prod(np.shape(a))) for w in weights for a in w),
                     "input_shape": shape, "output_shape": list(y.shape), "output": [float(v) for v in y.ravel()]}
    json.dump(out, sys.stdout, indent=1)


main(sys.argv[1])
