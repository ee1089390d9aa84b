package dev.horn.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The runner's plumbing: the registry, options, the printed table and the JSON file. */
class BenchTest {
    @Test
    void registryNamesAreUniqueAndDescribed() {
        Set<String> names = new HashSet<>();
        for (Benchmark b : Bench.BENCHMARKS) {
            assertThat(names.add(b.name())).as("duplicate name %s", b.name()).isTrue();
            assertThat(b.name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(b.description()).isNotBlank().doesNotContain("\n");
            assertThat(b.options().keySet()).doesNotContainAnyElementsOf(Bench.COMMON_OPTIONS.keySet());
        }
        assertThat(names).contains("graph", "gemm", "elementwise");
    }

    @Test
    void optionsTakeSpaceOrEqualsFormsAndBareFlags() {
        Options o = Options.parse(List.of("--reps", "5", "--threads=1,all", "--quick"));
        assertThat(o.integer("reps", 1)).isEqualTo(5);
        assertThat(o.flag("quick")).isTrue();
        assertThat(o.flag("help")).isFalse();
        assertThat(o.threads("threads", "1")).startsWith(1).doesNotHaveDuplicates();
        assertThat(o.integer("missing", 7)).isEqualTo(7);
        assertThatThrownBy(() -> Options.parse(List.of("reps"))).hasMessageContaining("expected an option");
        assertThatThrownBy(() -> Options.parse(List.of("--reps", "x")).integer("reps", 1)).hasMessageContaining("whole number");
        assertThatThrownBy(() -> Options.parse(List.of("--threads=0")).threads("threads", "1")).hasMessageContaining("start at 1");
    }

    @Test
    void anUnknownBenchmarkOrOptionIsExitStatusTwo() {
        assertThat(Bench.run(new String[] {"no-such-benchmark"})).isEqualTo(2);
        assertThat(Bench.run(new String[] {"gemm", "--bogus", "1"})).isEqualTo(2);
        assertThat(Bench.run(new String[] {"list"})).isZero();
    }

    @Test
    void tableAlignsColumnsAndShowsMissingValuesAsDashes() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("case", "long name");
        a.put("gflops", 123.456);
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("case", "x");
        b.put("gflops", null);
        b.put("threads", 2);
        String[] lines = ResultTable.format(List.of(a, b)).split("\n");
        assertThat(lines[0]).isEqualTo("case       gflops  threads");
        assertThat(lines[2]).isEqualTo("long name   123.5        -");
        assertThat(lines[3]).isEqualTo("x               -        2");
        assertThat(ResultTable.cell(0.012345)).isEqualTo("0.0123");
        assertThat(ResultTable.cell(4.5)).isEqualTo("4.50");
    }

    @Test
    void resultIsWrittenWholeUnderATimestampedName(@TempDir Path dir) throws IOException {
        Instant t = Instant.parse("2026-11-22T10:15:30Z");
        Path first = Bench.write(dir, "gemm", t, Map.of("rows", List.of(Map.of("a", 1))));
        Path second = Bench.write(dir, "gemm", t, Map.of("rows", List.of()));
        assertThat(first.getFileName().toString()).isEqualTo("gemm-2026-11-22T10-15-30Z.json");
        assertThat(second.getFileName().toString()).isEqualTo("gemm-2026-11-22T10-15-30Z-2.json");
        JsonNode json = new ObjectMapper().readTree(first.toFile());
        assertThat(json.get("rows").get(0).get("a").asInt()).isEqualTo(1);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.endsWith(".json"));
        }
    }

    @Test
    void machineFactsNameTheVectorWidthAndTheOpenBlasPins() {
        Map<String, Object> f = Machine.facts();
        assertThat(f).containsKeys("cpu_model", "nproc", "vector_species_bits", "java_version", "env");
        assertThat(((Map<?, ?>) f.get("env")).containsKey("OPENBLAS_CORETYPE") && ((Map<?, ?>) f.get("env")).containsKey("OPENBLAS_L2_SIZE")).isTrue();
        assertThat(Machine.summary(f)).contains("-bit vectors");
    }
}
