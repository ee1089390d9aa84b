package dev.horn.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * numpy's matmul as the peer of {@link GemmBench}, measured by {@code gemm_numpy.py} in a
 * python subprocess per thread count. That subprocess, and only it, runs without the
 * OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE pins, so numpy's OpenBLAS uses its best kernels for the
 * CPU; OPENBLAS_NUM_THREADS sets its threads.
 */
final class NumpyGemm {
    /** GFLOP/s by {@link GemmBench.Case#label()}, or why there are none. */
    record Result(Map<String, Double> gflops, Map<String, Object> facts, String skipped) {
        static Result skipped(String why) {
            return new Result(Map.of(), Map.of(), why);
        }
    }

    private static final long TIMEOUT_MINUTES = 10;

    private NumpyGemm() {}

    static Result run(String python, List<GemmBench.Case> cases, int threads, int samples,
                      double minSampleSeconds, double warmupSeconds) {
        Path script = null;
        try {
            script = Files.createTempFile("horn-gemm-numpy", ".py");
            try (InputStream in = NumpyGemm.class.getResourceAsStream("gemm_numpy.py")) {
                Files.write(script, in.readAllBytes());
            }
            ObjectMapper json = new ObjectMapper();
            Map<String, Object> spec = new LinkedHashMap<>();
            List<Map<String, Object>> shapes = new ArrayList<>();
            for (GemmBench.Case c : cases) {
                shapes.add(Map.of("m", c.m(), "k", c.k(), "n", c.n(), "trans_a", c.transA()));
            }
            spec.put("shapes", shapes);
            spec.put("samples", samples);
            spec.put("min_sample_s", minSampleSeconds);
            spec.put("warmup_s", warmupSeconds);

            ProcessBuilder pb = new ProcessBuilder(python, script.toString());
            Map<String, String> env = pb.environment();
            env.remove("OPENBLAS_CORETYPE");
            env.remove("OPENBLAS_L2_SIZE");
            env.put("OPENBLAS_NUM_THREADS", Integer.toString(threads));
            env.put("OMP_NUM_THREADS", Integer.toString(threads));
            env.put("MKL_NUM_THREADS", Integer.toString(threads));
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                return Result.skipped(python + " not found (" + e.getMessage() + ")");
            }
            p.getOutputStream().write(json.writeValueAsBytes(spec));
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return Result.skipped(python + " did not finish in " + TIMEOUT_MINUTES + " minutes");
            }
            if (p.exitValue() != 0) {
                return Result.skipped(python + " exited with status " + p.exitValue());
            }
            JsonNode root = json.readTree(new String(out, StandardCharsets.UTF_8));
            if (root.has("error")) {
                return Result.skipped(root.get("error").asText());
            }
            Map<String, Double> gflops = new LinkedHashMap<>();
            for (JsonNode r : root.get("results")) {
                GemmBench.Case c = new GemmBench.Case(r.get("m").asInt(), r.get("k").asInt(), r.get("n").asInt(),
                        r.get("trans_a").asBoolean());
                double err = r.get("max_rel_err").asDouble();
                if (!(err <= GemmBench.TOLERANCE)) {
                    throw new AssertionError("numpy " + c.label() + ": relative error " + err + " exceeds " + GemmBench.TOLERANCE);
                }
                gflops.put(c.label(), r.get("gflops").asDouble());
            }
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("numpy", root.get("numpy").asText());
            facts.put("openblas", json.convertValue(root.get("openblas"), Map.class));
            return new Result(gflops, facts, null);
        } catch (IOException e) {
            return Result.skipped("numpy run failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.skipped("interrupted");
        } finally {
            if (script != null) {
                try {
                    Files.deleteIfExists(script);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }
}
