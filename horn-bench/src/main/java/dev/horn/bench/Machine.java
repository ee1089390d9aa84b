package dev.horn.bench;

import dev.horn.internal.cpu.CpuInfo;
import dev.horn.internal.cpu.Parallel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.incubator.vector.FloatVector;

/**
 * Facts about the machine a benchmark ran on, recorded beside its results: a figure means little
 * without the CPU, the vector width the JIT used, the thread counts and the environment variables
 * that pin native libraries (OpenBLAS reads OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE at load).
 */
public final class Machine {
    private Machine() {}

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        Map<String, String> cpu = CpuInfo.firstProcessor();
        f.put("cpu_model", cpu.get("model name"));
        f.put("cpu_family", cpu.get("cpu family"));
        f.put("cpu_model_number", cpu.get("model"));
        String flags = cpu.getOrDefault("flags", "");
        f.put("avx512f", cpu.isEmpty() ? null : List.of(flags.split(" ")).contains("avx512f"));
        f.put("nproc", Runtime.getRuntime().availableProcessors());
        f.put("horn_threads", Parallel.THREADS);
        f.put("vector_species_bits", FloatVector.SPECIES_PREFERRED.vectorBitSize());
        f.put("java_version", Runtime.version().toString());
        f.put("java_vm", System.getProperty("java.vm.name") + " (" + System.getProperty("java.vm.vendor") + ")");
        f.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        f.put("max_heap_mib", Runtime.getRuntime().maxMemory() >> 20);
        f.put("load_average", loadAverage());
        f.put("env", environment());
        return f;
    }

    /** The 1, 5 and 15 minute load averages, or null where /proc/loadavg is absent. */
    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The BLAS-related environment; the two OpenBLAS pins are always listed (null when unset). */
    static Map<String, String> environment() {
        Map<String, String> env = new TreeMap<>();
        env.put("OPENBLAS_CORETYPE", System.getenv("OPENBLAS_CORETYPE"));
        env.put("OPENBLAS_L2_SIZE", System.getenv("OPENBLAS_L2_SIZE"));
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("OPENBLAS_") || k.equals("OMP_NUM_THREADS") || k.equals("HORN_BLAS")) {
                env.put(k, v);
            }
        });
        return env;
    }

    /** One line for the top of a printed table. */
    public static String summary(Map<String, Object> f) {
        Object model = f.get("cpu_model");
        StringBuilder s = new StringBuilder();
        s.append(model == null ? System.getProperty("os.arch") : model);
        if (f.get("cpu_family") != null) {
            s.append(" (family ").append(f.get("cpu_family")).append(" model ").append(f.get("cpu_model_number")).append(')');
        }
        s.append(", ").append(f.get("nproc")).append(" cores, ").append(f.get("vector_species_bits"))
                .append("-bit vectors, Java ").append(f.get("java_version"))
                .append(", load ").append(f.get("load_average"));
        @SuppressWarnings("unchecked")
        Map<String, String> env = (Map<String, String>) f.get("env");
        env.forEach((k, v) -> s.append(", ").append(k).append('=').append(v == null ? "(unset)" : v));
        return s.toString();
    }
}
