package dev.horn.bench.peers;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Runs the peers of the mnist-mlp and mnist-cnn benchmarks (TensorFlow Java, DJL on PyTorch,
 * Deeplearning4j; mnist-cnn has no DL4J peer),
 * each a standalone Maven project under {@code horn-bench/peers/PEER/} that Horn's own build never
 * touches. For each peer it builds the project on demand with the pinned Maven
 * ({@code ./horn mvn -f horn-bench/peers/PEER/pom.xml package}), prepares what the peer needs to
 * run offline (DJL's native cache), starts it as a subprocess with the same JDK and parses the
 * JSON line it prints. A peer that cannot be built or run gives a row with {@code status}
 * "skipped" or "failed" and a {@code reason}, never an exception.
 *
 * <p>Every row has {@code peer}, {@code variant}, {@code status}; a row with status "ok" has the
 * peer's figures: {@code epoch_seconds}, {@code best_epoch_s_after_first},
 * {@code median_epoch_s_after_first}, {@code test_accuracy}, {@code first_batch_s},
 * {@code peak_heap_bytes}, {@code vm_hwm_bytes}, {@code versions}, {@code optimizer},
 * {@code threads} and more (see horn-bench/README.md, "Peers").
 */
public final class PeerRunner {
    /** The peers, in the order {@code all} runs them. */
    public static final List<String> PEERS = List.of("tensorflow-java", "djl-pytorch", "dl4j");

    /** JVM flags every peer runs with: JNI libraries and sun.misc.Unsafe without warnings on JDK 25. */
    static final List<String> PEER_JVM_FLAGS = List.of("--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow");

    /** One way of running a peer: extra program arguments and environment. */
    record Variant(String name, String mainClass, List<String> args, Map<String, String> env) {}

    private final Path root;
    private boolean offline = Boolean.getBoolean("horn.peers.offline");
    private Duration buildTimeout = Duration.ofMinutes(20);
    private Duration runTimeout = Duration.ofMinutes(30);
    private List<String> extraArgs = List.of();
    private String benchmark = "mnist-mlp";

    /** A runner for the Horn checkout at {@code root} (the folder with the {@code horn} launcher). */
    public PeerRunner(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** A runner for the checkout that holds the working directory (or the {@code horn.home} property). */
    public static PeerRunner forCurrentCheckout() {
        String home = System.getProperty("horn.home");
        if (home != null) return new PeerRunner(Path.of(home));
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("horn-bench/peers/pom.xml")) && Files.isRegularFile(p.resolve("horn"))) {
                return new PeerRunner(p);
            }
        }
        throw new IllegalStateException("not inside a Horn checkout (no horn-bench/peers/pom.xml above "
                + Path.of("").toAbsolutePath() + "); set -Dhorn.home");
    }

    /** Builds with Maven's {@code -o}: only what the local repository already holds. */
    public PeerRunner offline(boolean offline) {
        this.offline = offline;
        return this;
    }

    public PeerRunner buildTimeout(Duration timeout) {
        this.buildTimeout = timeout;
        return this;
    }

    public PeerRunner runTimeout(Duration timeout) {
        this.runTimeout = timeout;
        return this;
    }

    /** Extra arguments passed to every peer, e.g. {@code --batch=64} or {@code --seed=7}. */
    public PeerRunner extraArgs(List<String> args) {
        this.extraArgs = List.copyOf(args);
        return this;
    }

    /** Which benchmark the peers run: "mnist-mlp" (the default) or "mnist-cnn". */
    public PeerRunner benchmark(String name) {
        if (!name.equals("mnist-mlp") && !name.equals("mnist-cnn")) {
            throw new IllegalArgumentException("the peers run mnist-mlp or mnist-cnn, not " + name);
        }
        this.benchmark = name;
        return this;
    }

    /** The variants {@link #run} runs for a peer, by name. */
    public static List<String> variants(String peer) {
        return variantsOf(peer).stream().map(Variant::name).toList();
    }

    /** The variants of a peer for a benchmark: mnist-cnn runs each peer's default threads only (null: no such peer). */
    static List<Variant> variantsOf(String benchmark, String peer) {
        if (benchmark.equals("mnist-mlp")) {
            return variantsOf(peer);
        }
        return switch (peer) {
            case "tensorflow-java" -> List.of(
                    new Variant("default threads", "dev.horn.peers.tf.TensorFlowJavaCnn", List.of(), Map.of()));
            case "djl-pytorch" -> List.of(
                    new Variant("default threads", "dev.horn.peers.djl.DjlPytorchCnn", List.of(), Map.of()));
            default -> null;
        };
    }

    static List<Variant> variantsOf(String peer) {
        return switch (peer) {
            case "tensorflow-java" -> List.of(
                    new Variant("default threads", "dev.horn.peers.tf.TensorFlowJavaMlp", List.of(), Map.of()),
                    // TensorFlow's default inter-op pool (one thread per core) competes with the intra-op
                    // pool on a small machine; one inter-op thread is how a tuned user would run it
                    new Variant("inter_op=1", "dev.horn.peers.tf.TensorFlowJavaMlp", List.of("--inter=1"), Map.of()));
            case "djl-pytorch" -> List.of(
                    new Variant("default threads", "dev.horn.peers.djl.DjlPytorchMlp", List.of(), Map.of()));
            case "dl4j" -> List.of(
                    new Variant("default threads", "dev.horn.peers.dl4j.Dl4jMlp", List.of(), Map.of()),
                    new Variant("OMP_NUM_THREADS=1", "dev.horn.peers.dl4j.Dl4jMlp", List.of(),
                            Map.of("OMP_NUM_THREADS", "1")));
            default -> throw new IllegalArgumentException("unknown peer '" + peer + "'; the peers are " + PEERS);
        };
    }

    /**
     * Builds (when needed) and runs every variant of {@code peer} for {@code epochs} epochs on the
     * MNIST IDX files in {@code mnistDir}; one row per variant (DL4J: default threads and
     * OMP_NUM_THREADS=1; TensorFlow Java: default threads and one inter-op thread).
     */
    public List<Map<String, Object>> run(String peer, Path mnistDir, int epochs) {
        List<Variant> variants = variantsOf(benchmark, peer);
        List<Map<String, Object>> rows = new ArrayList<>();
        if (variants == null) {
            variantsOf(peer); // an unknown peer fails as for mnist-mlp
            rows.add(row(peer, "-", "skipped", "no " + peer + " peer for " + benchmark));
            return rows;
        }
        String why = unsupportedPlatform();
        if (why == null) why = build(peer);
        if (why == null && peer.equals("djl-pytorch")) why = prepareDjlCache();
        for (Variant v : variants) {
            if (why != null) {
                rows.add(row(peer, v.name(), "skipped", why));
            } else {
                rows.add(runVariant(peer, v, List.of(mnistDir.toAbsolutePath().toString(), Integer.toString(epochs))));
            }
        }
        return rows;
    }

    /**
     * Builds (when needed) and runs one other program of a peer's project, such as the lstm-text
     * benchmark's {@code dev.horn.peers.djl.DjlPytorchLstm}, with these arguments; one row,
     * labelled {@code variant}.
     */
    public Map<String, Object> runProgram(String peer, String variant, String mainClass, List<String> programArgs) {
        Variant v = new Variant(variant, mainClass, List.of(), Map.of());
        String why = unsupportedPlatform();
        if (why == null) why = build(peer);
        if (why == null && peer.equals("djl-pytorch")) why = prepareDjlCache();
        return why != null ? row(peer, v.name(), "skipped", why) : runVariant(peer, v, programArgs);
    }

    /** Every peer in turn. */
    public List<Map<String, Object>> runAll(Path mnistDir, int epochs) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String peer : PEERS) rows.addAll(run(peer, mnistDir, epochs));
        return rows;
    }

    // ---------------------------------------------------------------------------------------------

    private Path peerDir(String peer) {
        return root.resolve("horn-bench/peers").resolve(peer);
    }

    private static String unsupportedPlatform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return "the peers' native jars are pinned to linux-x86_64; this is " + os + "/" + arch;
        }
        return null;
    }

    /** Builds the peer unless its class path file is newer than its sources; null when it is ready. */
    String build(String peer) {
        Path dir = peerDir(peer);
        if (!Files.isRegularFile(dir.resolve("pom.xml"))) return "no project at horn-bench/peers/" + peer;
        Path stamp = dir.resolve("target/classpath.txt");
        if (upToDate(stamp, dir, root.resolve("horn-bench/peers/common"), root.resolve("horn-bench/peers/pom.xml"),
                root.resolve("pom.xml"))) {
            return null;
        }
        List<String> cmd = new ArrayList<>(List.of(root.resolve("horn").toString(), "mvn", "-B", "-q"));
        if (offline) cmd.add("-o");
        cmd.addAll(List.of("-f", "horn-bench/peers/" + peer + "/pom.xml", "package"));
        try {
            Files.createDirectories(dir.resolve("target"));
            Path log = dir.resolve("target/peer-build.log");
            Process p = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(buildTimeout.toSeconds(), TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return "the build did not finish in " + buildTimeout.toMinutes() + " min (Maven fetching the peer's jars?)";
            }
            if (p.exitValue() != 0 || !Files.isRegularFile(stamp)) {
                return "could not build horn-bench/peers/" + peer + (offline ? " offline" : "")
                        + " (Maven exit " + p.exitValue() + "): " + firstMavenError(log);
            }
            return null;
        } catch (IOException e) {
            return "could not start Maven: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while building";
        }
    }

    private static boolean upToDate(Path stamp, Path... inputs) {
        if (!Files.isRegularFile(stamp)) return false;
        try {
            long built = Files.getLastModifiedTime(stamp).toMillis();
            for (Path in : inputs) {
                if (Files.isRegularFile(in)) {
                    if (Files.getLastModifiedTime(in).toMillis() > built) return false;
                } else if (Files.isDirectory(in)) {
                    try (Stream<Path> files = Files.walk(in)) {
                        boolean newer = files.filter(f -> !f.toString().contains("/target/"))
                                .filter(Files::isRegularFile)
                                .anyMatch(f -> lastModified(f) > built);
                        if (newer) return false;
                    }
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static long lastModified(Path f) {
        try {
            return Files.getLastModifiedTime(f).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    /** DJL's cache folder for the peer: target/djl-cache under the peer's project. */
    Path djlCache() {
        return peerDir("djl-pytorch").resolve("target/djl-cache");
    }

    /**
     * Fills DJL's cache so that it runs offline: the libtorch libraries of the pytorch-native-cpu
     * jar in {@code pytorch/<pytorch version>-cpu-<classifier>/}, beside the pytorch-jni jar's
     * libdjl_torch.so renamed {@code <djl version>-libdjl_torch.so} (no JNI of DJL's own version is
     * published). Returns null when the cache is ready, else why not.
     */
    String prepareDjlCache() {
        Path target = peerDir("djl-pytorch").resolve("target");
        try {
            String nativeJar = null, jniJar = null, engineJar = null;
            for (String jar : Files.readString(target.resolve("native-jars.txt")).trim().split(java.io.File.pathSeparator)) {
                String name = Path.of(jar).getFileName().toString();
                if (name.startsWith("pytorch-native-")) nativeJar = jar;
                if (name.startsWith("pytorch-jni-")) jniJar = jar;
            }
            for (String jar : Files.readString(target.resolve("classpath.txt")).trim().split(java.io.File.pathSeparator)) {
                if (Path.of(jar).getFileName().toString().startsWith("pytorch-engine-")) engineJar = jar;
            }
            if (nativeJar == null || jniJar == null || engineJar == null) {
                return "the djl-pytorch build lists no pytorch-native, pytorch-jni or pytorch-engine jar";
            }
            Properties engine = properties(engineJar, "pytorch-engine.properties");
            Properties nativeProps = properties(nativeJar, "native/lib/pytorch.properties");
            String djlVersion = engine.getProperty("djl_version");
            String torchVersion = engine.getProperty("pytorch_version");
            String flavor = nativeProps.getProperty("flavor", "cpu");
            String classifier = nativeProps.getProperty("classifier", "linux-x86_64");
            List<String> libraries = Arrays.asList(nativeProps.getProperty("libraries", "").split(","));
            Path dir = djlCache().resolve("pytorch").resolve(torchVersion + "-" + flavor + "-" + classifier);
            Path jni = dir.resolve(djlVersion + "-libdjl_torch.so");
            if (Files.isRegularFile(jni) && libraries.stream().allMatch(l -> Files.isRegularFile(dir.resolve(l)))) {
                return null;
            }
            Files.createDirectories(dir.getParent());
            Path tmp = Files.createTempDirectory(dir.getParent(), "fill");
            try (ZipFile zip = new ZipFile(nativeJar)) {
                for (String lib : libraries) {
                    ZipEntry e = zip.getEntry("pytorch/" + flavor + "/" + classifier + "/" + lib);
                    if (e == null) return "the native jar has no " + lib + " for " + flavor + "/" + classifier;
                    try (InputStream in = zip.getInputStream(e)) {
                        Files.copy(in, tmp.resolve(lib));
                    }
                }
            }
            try (ZipFile zip = new ZipFile(jniJar)) {
                ZipEntry e = zip.getEntry("jnilib/" + classifier + "/" + flavor + "/libdjl_torch.so");
                if (e == null) return "the JNI jar has no libdjl_torch.so for " + classifier + "/" + flavor;
                try (InputStream in = zip.getInputStream(e)) {
                    Files.copy(in, tmp.resolve(jni.getFileName()));
                }
            }
            deleteTree(dir);
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            return null;
        } catch (IOException e) {
            return "could not prepare DJL's offline cache: " + e;
        }
    }

    private static Properties properties(String jar, String entry) throws IOException {
        try (ZipFile zip = new ZipFile(jar)) {
            ZipEntry e = zip.getEntry(entry);
            if (e == null) throw new IOException(jar + " has no " + entry);
            Properties p = new Properties();
            try (InputStream in = zip.getInputStream(e)) {
                p.load(in);
            }
            return p;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) Files.delete(p);
        }
    }

    /** The command line of one variant (a new list; the JDK is the one running this class). */
    List<String> command(String peer, Variant v, List<String> programArgs) throws IOException {
        Path target = peerDir(peer).resolve("target");
        String classpath = target.resolve("classes") + java.io.File.pathSeparator
                + Files.readString(target.resolve("classpath.txt")).trim();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(PEER_JVM_FLAGS);
        if (peer.equals("djl-pytorch")) cmd.add("-Dai.djl.offline=true");
        cmd.addAll(List.of("-cp", classpath, v.mainClass()));
        cmd.addAll(programArgs);
        cmd.addAll(v.args());
        cmd.addAll(extraArgs);
        return cmd;
    }

    private Map<String, Object> runVariant(String peer, Variant v, List<String> programArgs) {
        Path target = peerDir(peer).resolve("target");
        Path log = target.resolve("peer-run-" + v.name().replaceAll("[^A-Za-z0-9]+", "_") + ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(command(peer, v, programArgs)).directory(root.toFile())
                    .redirectError(log.toFile());
            pb.environment().putAll(v.env());
            if (peer.equals("djl-pytorch")) {
                pb.environment().put("DJL_CACHE_DIR", djlCache().toString());
                pb.environment().put("ENGINE_CACHE_DIR", djlCache().toString());
            }
            long t0 = System.nanoTime();
            Process p = pb.start();
            p.getOutputStream().close();
            var stdout = new java.util.concurrent.CompletableFuture<String>();
            Thread reader = Thread.ofVirtual().start(() -> {
                try (InputStream in = p.getInputStream()) {
                    stdout.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    stdout.complete("");
                }
            });
            if (!p.waitFor(runTimeout.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return row(peer, v.name(), "failed", "did not finish in " + runTimeout.toMinutes() + " min");
            }
            reader.join();
            double wall = (System.nanoTime() - t0) / 1e9;
            String json = null;
            for (String line : stdout.join().split("\n")) {
                if (line.startsWith("{")) json = line;
            }
            if (json == null) {
                return row(peer, v.name(), "failed", "exit " + p.exitValue() + " with no JSON line: " + tail(log, 6));
            }
            Map<String, Object> parsed = new ObjectMapper().readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("peer", parsed.getOrDefault("peer", peer));
            out.put("variant", v.name());
            out.putAll(parsed);
            out.put("process_wall_s", Math.round(wall * 1000) / 1000.0);
            if (!"ok".equals(parsed.get("status")) && !out.containsKey("reason")) out.put("reason", tail(log, 6));
            return out;
        } catch (IOException e) {
            return row(peer, v.name(), "failed", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return row(peer, v.name(), "failed", "interrupted");
        }
    }

    private Map<String, Object> row(String peer, String variant, String status, String reason) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("peer", peer);
        r.put("variant", variant);
        r.put("benchmark", benchmark);
        r.put("status", status);
        r.put("reason", reason);
        return r;
    }

    /** Maven's first real error line (not a heading, not its standard advice), shortened. */
    static String firstMavenError(Path log) {
        try {
            for (String line : Files.readAllLines(log)) {
                String l = line.strip();
                if (!l.startsWith("[ERROR]")) continue;
                while (l.startsWith("[ERROR]")) l = l.substring("[ERROR]".length()).strip();
                if (l.length() > 10 && !l.endsWith(":")) return l.length() > 400 ? l.substring(0, 400) + " ..." : l;
            }
        } catch (IOException e) {
            return "(no log)";
        }
        return tail(log, 3);
    }

    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
            return String.join(" | ", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /**
     * {@code PeerRunner PEER|all MNIST_DIR [EPOCHS] [--offline] [PEER ARGS ...]}: runs the peer(s)
     * and prints one JSON line per row.
     */
    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>(), peerArgs = new ArrayList<>();
        boolean offline = Boolean.getBoolean("horn.peers.offline");
        String benchmark = "mnist-mlp";
        for (String a : args) {
            if (a.equals("--offline")) offline = true;
            else if (a.startsWith("--benchmark=")) benchmark = a.substring("--benchmark=".length());
            else if (a.startsWith("--")) peerArgs.add(a);
            else positional.add(a);
        }
        if (positional.size() < 2) {
            System.err.println("usage: PeerRunner PEER|all MNIST_DIR [EPOCHS] [--offline] [--benchmark=mnist-mlp|mnist-cnn] [--PEER_OPTION=VALUE ...]");
            System.err.println("peers: " + PEERS);
            System.exit(2);
        }
        PeerRunner runner = forCurrentCheckout().offline(offline).extraArgs(peerArgs).benchmark(benchmark);
        Path mnist = Path.of(positional.get(1));
        int epochs = positional.size() > 2 ? Integer.parseInt(positional.get(2)) : 3;
        List<String> peers = positional.get(0).equals("all") ? PEERS : List.of(positional.get(0).split(","));
        ObjectMapper json = new ObjectMapper();
        for (String peer : peers) {
            for (Map<String, Object> row : runner.run(peer, mnist, epochs)) {
                System.out.println(json.writeValueAsString(row));
                System.out.flush();
            }
        }
    }
}
