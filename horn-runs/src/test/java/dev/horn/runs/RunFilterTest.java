package dev.horn.runs;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunFilterTest {
    private static RunRecord row(double accuracy, double dropout, String status) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("run_dir", "runs/x");
        c.put("eval_accuracy", accuracy);
        c.put("flag_dropout1", dropout);
        c.put("completed", status.equals("completed"));
        c.put("status", status);
        return new RunRecord(new RunDir(Path.of("runs/x")), RunStatus.valueOf(status.toUpperCase()), c, 0);
    }

    @Test
    void comparesNumbers() {
        RunFilter f = RunFilter.parse("eval_accuracy > 0.9570");
        assertThat(f.test(row(0.9580, 0.4, "completed"))).isTrue();
        assertThat(f.test(row(0.9562, 0.4, "completed"))).isFalse();
        assertThat(f.columns()).containsExactly("eval_accuracy");
    }

    @Test
    void combinesWithAndOrNotAndParentheses() {
        RunFilter f = RunFilter.parse("(eval_accuracy >= 0.97 && flag_dropout1 == 0.3) || !completed");
        assertThat(f.test(row(0.98, 0.3, "completed"))).isTrue();
        assertThat(f.test(row(0.98, 0.4, "completed"))).isFalse();
        assertThat(f.test(row(0.5, 0.4, "failed"))).isTrue();
        assertThat(RunFilter.parse("status != 'failed' and eval_accuracy < 0.6").test(row(0.5, 0.1, "completed"))).isTrue();
    }

    @Test
    void aMissingColumnDoesNotMatch() {
        assertThat(RunFilter.parse("eval_loss < 1").test(row(0.9, 0.1, "completed"))).isFalse();
    }

    @Test
    void malformedExpressionsSayWhatIsWrong() {
        assertThatThrownBy(() -> RunFilter.parse("eval_accuracy >")).hasMessageContaining("Invalid filter");
        assertThatThrownBy(() -> RunFilter.parse("(eval_accuracy > 1")).hasMessageContaining("missing ')'");
        assertThatThrownBy(() -> RunFilter.parse("eval_accuracy > 'x")).hasMessageContaining("unterminated string");
    }
}
