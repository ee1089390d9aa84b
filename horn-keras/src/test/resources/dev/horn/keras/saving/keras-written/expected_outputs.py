"""Computes, with numpy alone, what the Keras-written models listed in README.md predict.

The files are not in this repository (see README.md); put them in a folder and run
    python3 expected_outputs.py FOLDER > expected-outputs.json
Each model is run forward from the weights in its file (h5py) and the layer configs Keras wrote,
on fixed inputs: input k holds x[i] = sin(0.37 i + 0.1 + k) over its elements, batch 2 (unless
the file fixes it), an unknown time 5. Only the layer kinds these files use are implemented, each
as Keras computes it (LSTM gates i, f, c, o; GRU z, r, h with reset_after; Keras 2's
hard_sigmoid; Bidirectional concatenating the forward output and the reversed backward one;
BatchNormalization in inference; Dropout as identity).
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
    "frugally-deep-lstm.h5": "h5",
    "frugally-deep-gru-initial-state.h5": "h5",
}

ACT = {
    "linear": lambda x: x, "relu": lambda x: np.maximum(x, 0), "tanh": np.tanh,
    "sigmoid": lambda x: 1 / (1 + np.exp(-x)),
    "hard_sigmoid": lambda x: np.clip(0.2 * x + 0.5, 0, 1),  # Keras 2's (these files are Keras 2.2)
    "softmax": lambda x: np.exp(x - x.max(-1, keepdims=True)) / np.exp(x - x.max(-1, keepdims=True)).sum(-1, keepdims=True),
}


WEIGHTED = {"dense", "lstm", "simple_rnn", "batch_normalization", "conv2d"}


def act(a):
    return ACT[a if isinstance(a, str) else a["config"]["name"]]


def load(path, kind):
    """(model config, layer configs, weights by layer name) from a .keras zip or a legacy .h5."""
    if kind == "keras":
        z = zipfile.ZipFile(path)
        cfg = json.loads(z.read("config.json"))
        h = h5py.File(io.BytesIO(z.read("model.weights.h5")), "r")
        layers = [l for l in cfg["config"]["layers"] if l["class_name"] != "InputLayer"]
        root = next(k for k in h.keys() if k.startswith(("layers", "_layer_checkpoint")))
        sep = "/" if root in ("layers", "_layer_checkpoint_dependencies") else "\\"
        base = root.split("\\")[0]
        used, weights = {}, {}
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
            g = h.get(key + "/vars")
            weights[l["config"]["name"]] = [np.array(g[str(i)]) for i in range(len(g))] if g is not None else []
        return cfg, layers, weights
    h = h5py.File(path, "r")
    cfg = json.loads(h.attrs["model_config"])
    layers = [l for l in cfg["config"]["layers"] if l["class_name"] != "InputLayer"]
    mw = h["model_weights"]
    weights = {}
    for l in layers:
        g = mw[l["config"]["name"]]
        names = [n.decode() if isinstance(n, bytes) else n for n in g.attrs.get("weight_names", [])]
        weights[l["config"]["name"]] = [np.array(g[n]) for n in names]
    return cfg, layers, weights


def input_shapes(cfg):
    """Each input's shape: batch 2 unless the file fixes it, an unknown time 5."""
    layers = cfg["config"]["layers"]
    inputs = [l for l in layers if l["class_name"] == "InputLayer"] or [layers[0]]
    shapes = []
    for layer in inputs:
        c = layer["config"]
        shape = c.get("batch_shape") or c.get("batch_input_shape")
        shapes.append([shape[0] or 2] + [d if d is not None else 5 for d in shape[1:]])
    return shapes


def recurrent(k, c, w, x, states):
    """SimpleRNN, LSTM (gates i, f, c, o) or GRU (z, r, h; reset_after) over x from the given states."""
    units = w[1].shape[0]
    a, ra = act(c["activation"]), act(c.get("recurrent_activation", "sigmoid"))
    bias = w[2] if len(w) > 2 else np.zeros((2, 3 * units) if k == "GRU" else (w[0].shape[1],))
    h = [states[i] if states else np.zeros((x.shape[0], units)) for i in range(2 if k == "LSTM" else 1)]
    outs = []
    for t in range(x.shape[1])[::-1] if c.get("go_backwards") else range(x.shape[1]):
        xt = x[:, t]
        if k == "SimpleRNN":
            h = [a(xt @ w[0] + h[0] @ w[1] + bias)]
        elif k == "LSTM":
            z = xt @ w[0] + h[0] @ w[1] + bias
            i, f, g, o = (z[:, j * units:(j + 1) * units] for j in range(4))
            cell = ra(f) * h[1] + ra(i) * a(g)
            h = [ra(o) * a(cell), cell]
        else:  # GRU, reset_after: the reset gate multiplies the recurrent projection
            b_in, b_rec = (bias[0], bias[1]) if bias.ndim == 2 else (bias, np.zeros_like(bias))
            xz, hz = xt @ w[0] + b_in, h[0] @ w[1] + b_rec
            zg = ra(xz[:, :units] + hz[:, :units])
            rg = ra(xz[:, units:2 * units] + hz[:, units:2 * units])
            h = [zg * h[0] + (1 - zg) * a(xz[:, 2 * units:] + rg * hz[:, 2 * units:])]
        outs.append(h[0])
    y = np.stack(outs, 1) if c["return_sequences"] else h[0]
    return [y] + (h if c.get("return_state") else [])


def apply(l, w, xs):
    """One layer on its inputs; the list of its outputs."""
    c, k, x = l["config"], l["class_name"], xs[0]
    if k == "Dense":
        return [act(c["activation"])(x @ w[0] + (w[1] if c["use_bias"] else 0))]
    if k == "Dropout":
        return [x]
    if k == "Flatten":
        return [x.reshape(x.shape[0], -1)]
    if k == "LeakyReLU":
        return [np.where(x >= 0, x, c.get("negative_slope", c.get("alpha", 0.3)) * x)]
    if k == "BatchNormalization":
        gamma, beta, mean, var = w
        return [gamma * (x - mean) / np.sqrt(var + c["epsilon"]) + beta]
    if k == "Conv2D":  # stride 1, "same" or "valid", channels_last
        kh, kw = c["kernel_size"]
        if c["padding"] == "same":
            x = np.pad(x, ((0, 0), ((kh - 1) // 2, kh // 2), ((kw - 1) // 2, kw // 2), (0, 0)))
        out = np.zeros((x.shape[0], x.shape[1] - kh + 1, x.shape[2] - kw + 1, w[0].shape[3]))
        for i in range(kh):
            for j in range(kw):
                out += np.tensordot(x[:, i:i + out.shape[1], j:j + out.shape[2], :], w[0][i, j], axes=([3], [0]))
        return [act(c["activation"])(out + (w[1] if c["use_bias"] else 0))]
    if k == "MaxPooling2D":  # pool 2, stride 2, "valid"
        n, hh, ww, ch = x.shape
        return [x[:, :hh // 2 * 2, :ww // 2 * 2].reshape(n, hh // 2, 2, ww // 2, 2, ch).max(axis=(2, 4))]
    if k in ("SimpleRNN", "LSTM", "GRU"):
        return recurrent(k, c, w, x, xs[1:])
    if k == "Bidirectional":
        inner, half = c["layer"], len(w) // 2
        assert c["merge_mode"] == "concat"
        f = recurrent(inner["class_name"], inner["config"], w[:half], x, [])[0]
        b = recurrent(inner["class_name"], dict(inner["config"], go_backwards=True), w[half:], x, [])[0]
        return [np.concatenate([f, b[:, ::-1] if inner["config"]["return_sequences"] else b], -1)]
    raise ValueError(k)


def run(cfg, weights, xs):
    """The model's outputs: a Sequential chain, or a functional model's nodes in layer order."""
    layers = cfg["config"]["layers"]
    if cfg["class_name"] == "Sequential":
        x = xs[0]
        for l in layers:
            if l["class_name"] != "InputLayer":
                x = apply(l, weights[l["config"]["name"]], [x])[0]
        return [x]
    made, inputs = {}, iter(xs)
    for l in layers:
        name = l.get("name", l["config"].get("name"))
        if l["class_name"] == "InputLayer":
            made[name] = [next(inputs)]
            continue
        node = l["inbound_nodes"][0]
        refs = [t["config"]["keras_history"] for t in node["args"]] if isinstance(node, dict) else node
        made[name] = apply(l, weights.get(name, []), [made[r[0]][r[2]] for r in refs])
    outputs = cfg["config"]["output_layers"]
    return [made[n][t] for n, _, t in ([outputs] if isinstance(outputs[0], str) else outputs)]


def version(path, kind):
    if kind == "keras":
        return json.loads(zipfile.ZipFile(path).read("metadata.json"))["keras_version"]
    v = h5py.File(path, "r").attrs["keras_version"]
    return v.decode() if isinstance(v, bytes) else v


def main(folder):
    out = {}
    for name, kind in FILES.items():
        cfg, _, weights = load(f"{folder}/{name}", kind)
        shapes = input_shapes(cfg)
        xs = [np.sin(0.37 * np.arange(int(np.prod(shape))) + 0.1 + k).astype(np.float32).reshape(shape).astype(np.float64)
              for k, shape in enumerate(shapes)]
        ys = run(cfg, {n: [np.asarray(a, np.float64) for a in w] for n, w in weights.items()}, xs)
        out[name] = {"keras_version": version(f"{folder}/{name}", kind),
                     "params": sum(int(np.prod(np.shape(a))) for w in weights.values() for a in w),
                     "inputs": shapes,
                     "outputs": [{"shape": list(y.shape), "values": [float(v) for v in y.ravel()]} for y in ys]}
    json.dump(out, sys.stdout, indent=1)


main(sys.argv[1])
