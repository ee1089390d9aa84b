package dev.horn.bench.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's logic without building or starting any peer (Horn's tests never fetch their jars). */
class PeerRunnerTest {
    @TempDir
    Path root;

    @Test
    void everyPeerHasItsVariants() {
        assertThat(PeerRunner.PEERS).containsExactly("tensorflow-java", "djl-pytorch", "dl4j");
        assertThat(PeerRunner.variants("dl4j")).containsExactly("default threads", "OMP_NUM_THREADS=1");
        assertThat(PeerRunner.variantsOf("dl4j").get(1).env()).containsEntry("OMP_NUM_THREADS", "1");
        assertThat(PeerRunner.variants("djl-pytorch")).containsExactly("default threads");
        assertThat(PeerRunner.variants("tensorflow-java")).hasSize(2);
    }

    @Test
    void aPeerThatCannotBeBuiltGivesSkippedRowsWithAReason() {
        List<Map<String, Object>> rows = new PeerRunner(root).run("dl4j", root.resolve("mnist"), 1);
        assertThat(rows).hasSize(2).allSatisfy(r -> {
            assertThat(r).containsEntry("peer", "dl4j").containsEntry("status", "skipped");
            assertThat((String) r.get("reason")).isNotBlank();
        });
    }

    @Test
    void aBuiltPeerIsNotRebuiltUntilASourceChanges() throws IOException {
        Path dir = root.resolve("horn-bench/peers/dl4j");
        Files.createDirectories(dir.resolve("target"));
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        Files.setLastModifiedTime(dir.resolve("pom.xml"), FileTime.fromMillis(1_000_000));
        Files.writeString(dir.resolve("target/classpath.txt"), "a.jar");
        // no horn launcher in this root: a rebuild would fail, so null means "not rebuilt"
        assertThat(new PeerRunner(root).build("dl4j")).isNull();
        Files.setLastModifiedTime(dir.resolve("pom.xml"), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        assertThat(new PeerRunner(root).build("dl4j")).startsWith("could not");
    }

    @Test
    void djlCacheHoldsTheLibTorchLibrariesAndTheRenamedJni() throws IOException {
        Path jars = Files.createDirectories(root.resolve("repo"));
        Path nativeJar = jar(jars.resolve("pytorch-native-cpu-2.7.1-linux-x86_64.jar"), Map.of(
                "native/lib/pytorch.properties",
                "version=2.7.1-20250812\nflavor=cpu\nclassifier=linux-x86_64\nlibraries=libc10.so,libtorch.so\n",
                "pytorch/cpu/linux-x86_64/libc10.so", "c10",
                "pytorch/cpu/linux-x86_64/libtorch.so", "torch"));
        Path jniJar = jar(jars.resolve("pytorch-jni-2.7.1-0.35.1.jar"), Map.of(
                "jnilib/pytorch.properties", "jni_version=2.7.1-0.35.1\n",
                "jnilib/linux-x86_64/cpu/libdjl_torch.so", "jni"));
        Path engineJar = jar(jars.resolve("pytorch-engine-0.36.0.jar"), Map.of(
                "pytorch-engine.properties", "djl_version=0.36.0\npytorch_version=2.7.1\n"));
        Path target = Files.createDirectories(root.resolve("horn-bench/peers/djl-pytorch/target"));
        Files.writeString(target.resolve("native-jars.txt"), nativeJar + ":" + jniJar);
        Files.writeString(target.resolve("classpath.txt"), jars.resolve("api-0.36.0.jar") + ":" + engineJar);

        PeerRunner runner = new PeerRunner(root);
        assertThat(runner.prepareDjlCache()).isNull();
        Path dir = runner.djlCache().resolve("pytorch/2.7.1-cpu-linux-x86_64");
        assertThat(dir.resolve("libc10.so")).hasContent("c10");
        assertThat(dir.resolve("libtorch.so")).hasContent("torch");
        assertThat(dir.resolve("0.36.0-libdjl_torch.so")).hasContent("jni");
        assertThat(runner.prepareDjlCache()).isNull(); // a filled cache is kept
        try (var files = Files.list(dir.getParent())) {
            assertThat(files.toList()).containsExactly(dir);
        }
    }

    @Test
    void djlPeerRunsOfflineWithItsCache() throws IOException {
        Path target = Files.createDirectories(root.resolve("horn-bench/peers/djl-pytorch/target"));
        Files.writeString(target.resolve("classpath.txt"), "x.jar");
        PeerRunner runner = new PeerRunner(root).extraArgs(List.of("--seed=7"));
        List<String> cmd = runner.command("djl-pytorch", PeerRunner.variantsOf("djl-pytorch").get(0), List.of("m", "2"));
        assertThat(cmd).contains("-Dai.djl.offline=true", "--enable-native-access=ALL-UNNAMED",
                "dev.horn.peers.djl.DjlPytorchMlp", "2", "--seed=7");
        assertThat(cmd.get(cmd.indexOf("-cp") + 1)).endsWith("x.jar");
    }

    @Test
    void aFailedBuildIsExplainedByMavensFirstError() throws IOException {
        Path log = root.resolve("build.log");
        Files.writeString(log, String.join("\n",
                "[ERROR] [ERROR] Some problems were encountered while processing the POMs:",
                "[ERROR] Failed to execute goal on project peer-dl4j: Could not resolve dependencies: "
                        + "Cannot access central in offline mode and the artifact org.nd4j:nd4j-native:jar:1.0.0-M2.1 "
                        + "has not been downloaded from it before.",
                "[ERROR] ",
                "[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch."));
        assertThat(PeerRunner.firstMavenError(log))
                .startsWith("Failed to execute goal on project peer-dl4j").contains("offline mode");
    }

    private static Path jar(Path path, Map<String, String> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(path); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return path;
    }
}
