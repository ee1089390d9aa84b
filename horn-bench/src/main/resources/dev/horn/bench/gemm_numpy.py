# numpy's float32 matmul timed the way GemmBench times Horn. Horn runs it as a subprocess
# with OPENBLAS_NUM_THREADS set and the OpenBLAS pins (OPENBLAS_CORETYPE, OPENBLAS_L2_SIZE)
# removed, so OpenBLAS picks its best kernels for this CPU.
# stdin: {"shapes": [{"m", "k", "n", "trans_a"}], "samples", "min_sample_s", "warmup_s"}
# stdout: one JSON object: {"numpy", "openblas", "results": [{"m", "k", "n", "trans_a", "gflops", "max_rel_err"}]}
# or {"error": "..."}.
import glob
import json
import os
import sys
import time


def openblas_facts(np):
    facts = {}
    try:
        config = np.show_config(mode="dicts")
        facts["build"] = config["Build Dependencies"]["blas"].get("openblas configuration")
    except Exception:
        pass
    try:
        import ctypes
        libs = os.path.join(os.path.dirname(os.path.dirname(np.__file__)), "numpy.libs")
        for path in glob.glob(os.path.join(libs, "libscipy_openblas*.so")):
            lib = ctypes.CDLL(path)
            for name in ("scipy_openblas_get_corename64_", "scipy_openblas_get_corename", "openblas_get_corename"):
                if hasattr(lib, name):
                    fn = getattr(lib, name)
                    fn.restype = ctypes.c_char_p
                    facts["core"] = fn().decode()
                    break
    except Exception:
        pass
    return facts


def median_seconds(task, samples, min_sample_s, warmup_s):
    start = time.perf_counter()
    calls = 0
    last = 1e-9
    while calls < 2 or time.perf_counter() - start < warmup_s:
        t0 = time.perf_counter()
        task()
        last = max(1e-9, time.perf_counter() - t0)
        calls += 1
    inner = max(1, min(1000000, int(min_sample_s / last + 0.999)))
    times = []
    for _ in range(max(1, samples)):
        t0 = time.perf_counter()
        for _ in range(inner):
            task()
        times.append((time.perf_counter() - t0) / inner)
    times.sort()
    return times[len(times) // 2]


def main():
    spec = json.load(sys.stdin)
    try:
        import numpy as np
    except ImportError as e:
        print(json.dumps({"error": "numpy is not importable: %s" % e}))
        return
    rng = np.random.default_rng(42)
    results = []
    for s in spec["shapes"]:
        m, k, n, trans_a = s["m"], s["k"], s["n"], s["trans_a"]
        a = rng.uniform(-1, 1, (k, m) if trans_a else (m, k)).astype(np.float32)
        b = rng.uniform(-1, 1, (k, n)).astype(np.float32)
        op_a = a.T if trans_a else a  # a view: BLAS gets the transposed flag, no copy
        c = np.empty((m, n), dtype=np.float32)
        np.matmul(op_a, b, out=c)
        a64, b64 = op_a.astype(np.float64), b.astype(np.float64)
        scale = np.abs(a64) @ np.abs(b64) + 1e-30
        err = float(np.max(np.abs(c - a64 @ b64) / scale))
        seconds = median_seconds(lambda: np.matmul(op_a, b, out=c),
                                 spec["samples"], spec["min_sample_s"], spec["warmup_s"])
        results.append({"m": m, "k": k, "n": n, "trans_a": trans_a,
                        "gflops": 2.0 * m * n * k / seconds / 1e9, "max_rel_err": err})
    print(json.dumps({"numpy": np.__version__, "openblas": openblas_facts(np), "results": results}))


main()
