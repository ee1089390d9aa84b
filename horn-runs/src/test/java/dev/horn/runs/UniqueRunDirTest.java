package dev.horn.runs;

import dev.horn.runs.internal.UniqueRunDir;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class UniqueRunDirTest {
    @TempDir
    Path runs;

    @Test
    void namedByUtcSecond() {
        RunDir d = UniqueRunDir.create(runs, Instant.parse("2017-12-09T21:01:11.500Z"));
        assertThat(d.path().getFileName()).hasToString("2017-12-09T21-01-11Z");
    }

    @Test
    void runsStartingInTheSameSecondGetDistinctDirectories() throws Exception {
        Instant second = Instant.parse("2026-01-01T00:00:00Z");
        List<Callable<RunDir>> tasks = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            tasks.add(() -> UniqueRunDir.create(runs, second));
        }
        HashSet<Path> dirs = new HashSet<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<RunDir> f : pool.invokeAll(tasks)) {
                dirs.add(f.get().path());
            }
        }
        assertThat(dirs).hasSize(16).contains(runs.resolve("2026-01-01T00-00-00Z"), runs.resolve("2026-01-01T00-00-00Z-2"));
    }
}
