"""Keras' optimizer update rules (keras/src/optimizers/*.py, equal to tf.keras 2.11+) in numpy,
float64, three steps on one variable. Prints the expected values OptimizerReferenceTest holds.

The learning rate goes through float32 as in Keras, where it is a float32 variable cast to the
model variable's dtype. Run: python3 keras_reference.py
"""
import numpy as np

W0 = np.array([0.5, -1.2, 2.0])
GRADS = [np.array([0.1, -0.2, 0.3]), np.array([-0.4, 0.25, 0.05]), np.array([0.3, 0.3, -0.6])]
B0 = np.array([0.1, -0.1])
GRADS_AMSGRAD = [np.array([2.0, -0.2, 0.3]), np.array([0.01, 0.25, 0.05]), np.array([0.01, 0.3, -0.6])]
GRADS_B = [np.array([1.0, 0.5]), np.array([0.2, -0.2]), np.array([0.0, 0.4])]


def lr32(lr):
    return float(np.float32(lr))


def sgd(lr, momentum=0.0, nesterov=False):
    def run(ws, gs, state, t):
        for i, (w, g) in enumerate(zip(ws, gs)):
            if momentum != 0:
                m = state.get(i, np.zeros_like(w))
                m = m * momentum - g * lr
                state[i] = m
                w += (m * momentum - g * lr) if nesterov else m
            else:
                w -= g * lr
    return run


def rmsprop(lr, rho=0.9, momentum=0.0, eps=1e-7, centered=False):
    def run(ws, gs, state, t):
        for i, (w, g) in enumerate(zip(ws, gs)):
            vel, mom, avg = state.get(i, (np.zeros_like(w), np.zeros_like(w), np.zeros_like(w)))
            vel = rho * vel + (1 - rho) * g * g
            if centered:
                avg = rho * avg + (1 - rho) * g
                den = vel - avg * avg + eps
            else:
                den = vel + eps
            inc = (lr * g) / np.sqrt(den)
            if momentum > 0:
                mom = momentum * mom + inc
                w -= mom
            else:
                w -= inc
            state[i] = (vel, mom, avg)
    return run


def adam(lr, b1=0.9, b2=0.999, eps=1e-7, amsgrad=False):
    def run(ws, gs, state, t):
        for i, (w, g) in enumerate(zip(ws, gs)):
            m, v, vh = state.get(i, (np.zeros_like(w), np.zeros_like(w), np.zeros_like(w)))
            step = t + 1.0
            alpha = lr * np.sqrt(1 - b2 ** step) / (1 - b1 ** step)
            m = m + (g - m) * (1 - b1)
            v = v + (g * g - v) * (1 - b2)
            vv = v
            if amsgrad:
                vh = np.maximum(vh, v)
                vv = vh
            w -= (m * alpha) / (np.sqrt(vv) + eps)
            state[i] = (m, v, vh)
    return run


def adagrad(lr, init=0.1, eps=1e-7):
    def run(ws, gs, state, t):
        for i, (w, g) in enumerate(zip(ws, gs)):
            acc = state.get(i, np.full_like(w, init)) + g * g
            state[i] = acc
            w -= (lr * g) / np.sqrt(acc + eps)
    return run


def adadelta(lr, rho=0.95, eps=1e-7):
    def run(ws, gs, state, t):
        for i, (w, g) in enumerate(zip(ws, gs)):
            ag, ad = state.get(i, (np.zeros_like(w), np.zeros_like(w)))
            ag = rho * ag + (1 - rho) * g * g
            delta = -(np.sqrt(ad + eps) * g) / np.sqrt(ag + eps)
            ad = rho * ad + (1 - rho) * delta * delta
            w += lr * delta
            state[i] = (ag, ad)
    return run


def adamax(lr, b1=0.9, b2=0.999, eps=1e-7):
    def run(ws, gs, state, t):
        for i, (w, g) in enumerate(zip(ws, gs)):
            m, u = state.get(i, (np.zeros_like(w), np.zeros_like(w)))
            b1p = b1 ** (t + 1.0)
            m = m + (g - m) * (1 - b1)
            u = np.maximum(b2 * u, np.abs(g))
            w -= (lr * m) / ((1 - b1p) * (u + eps))
            state[i] = (m, u)
    return run


def nadam(lr, b1=0.9, b2=0.999, eps=1e-7):
    def run(ws, gs, state, t):
        state["u_product"] = state.get("u_product", 1.0) * b1 * (1.0 - 0.5 * 0.96 ** (t + 1.0))
        for i, (w, g) in enumerate(zip(ws, gs)):
            m, v = state.get(i, (np.zeros_like(w), np.zeros_like(w)))
            u_t = b1 * (1.0 - 0.5 * 0.96 ** (t + 1.0))
            u_t_1 = b1 * (1.0 - 0.5 * 0.96 ** (t + 2.0))
            up_t = state["u_product"]
            up_t_1 = up_t * u_t_1
            b2p = b2 ** (t + 1.0)
            m = m + (g - m) * (1 - b1)
            v = v + (g * g - v) * (1 - b2)
            m_hat = (u_t_1 * m) / (1 - up_t_1) + ((1 - u_t) * g) / (1 - up_t)
            v_hat = v / (1 - b2p)
            w -= (m_hat * lr) / (np.sqrt(v_hat) + eps)
            state[i] = (m, v)
    return run


def clip_norm(gs, c):
    out = []
    for g in gs:
        l2 = np.sqrt(np.sum(g * g))
        out.append(g * c / max(l2, c))
    return out


def clip_global(gs, c):
    norm = np.sqrt(sum(np.sum(g * g) for g in gs))
    scale = c * min(1.0 / norm, 1.0 / c)
    return [g * scale for g in gs]


def clip_value(gs, c):
    return [np.clip(g, -c, c) for g in gs]


def run(rule, two_vars=False, clip=None, weight_decay=None, lr=None, grads=GRADS):
    ws = [W0.copy()] + ([B0.copy()] if two_vars else [])
    state = {}
    for t in range(3):
        gs = [grads[t]] + ([GRADS_B[t]] if two_vars else [])
        if clip:
            gs = clip(gs)
        if weight_decay is not None:
            for w in ws:
                w -= w * weight_decay * lr
        rule(ws, gs, state, t)
    return ws


CASES = {
    "sgd": lambda: run(sgd(lr32(0.1))),
    "sgdMomentum": lambda: run(sgd(lr32(0.1), momentum=0.9)),
    "sgdNesterov": lambda: run(sgd(lr32(0.1), momentum=0.9, nesterov=True)),
    "rmsprop": lambda: run(rmsprop(lr32(0.01))),
    "rmspropCenteredMomentum": lambda: run(rmsprop(lr32(0.01), momentum=0.5, centered=True)),
    "adam": lambda: run(adam(lr32(0.1))),
    "adamAmsgrad": lambda: run(adam(lr32(0.1), amsgrad=True), grads=GRADS_AMSGRAD),
    "adamShrinkingGradients": lambda: run(adam(lr32(0.1)), grads=GRADS_AMSGRAD),
    "adamw": lambda: run(adam(lr32(0.1)), weight_decay=0.004, lr=lr32(0.1)),
    "adagrad": lambda: run(adagrad(lr32(0.1))),
    "adadelta": lambda: run(adadelta(lr32(1.0))),
    "adamax": lambda: run(adamax(lr32(0.1))),
    "nadam": lambda: run(nadam(lr32(0.1))),
    "sgdClipnorm": lambda: run(sgd(lr32(0.1)), clip=lambda gs: clip_norm(gs, 0.3)),
    "sgdClipvalue": lambda: run(sgd(lr32(0.1)), clip=lambda gs: clip_value(gs, 0.25)),
    "sgdGlobalClipnorm": lambda: run(sgd(lr32(0.1)), two_vars=True, clip=lambda gs: clip_global(gs, 0.3)),
    "sgdWeightDecay": lambda: run(sgd(lr32(0.1)), weight_decay=0.1, lr=lr32(0.1)),
    "nadamTwoVars": lambda: run(nadam(lr32(0.1)), two_vars=True),
}

if __name__ == "__main__":
    for name, case in CASES.items():
        ws = case()
        arrays = ", ".join("{" + ", ".join(repr(float(x)) for x in w) + "}" for w in ws)
        print(f"{name}: {arrays}")
