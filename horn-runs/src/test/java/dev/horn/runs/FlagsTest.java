package dev.horn.runs;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.horn.runs.Flags.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlagsTest {
    @TempDir
    Path dir;

    @AfterEach
    void clearProperties() {
        System.clearProperty(ActiveRun.FLAGS_PROPERTY);
        System.clearProperty(ActiveRun.FLAGS_FILE_PROPERTY);
        System.clearProperty(ActiveRun.CONFIG_PROPERTY);
        System.clearProperty(ActiveRun.DIR_PROPERTY);
    }

    private static FlagValues seedFlags() {
        return flags(flagInteger("dense_units1", 128), flagNumeric("dropout1", 0.4), flagString("activation", "relu"),
                flagBoolean("batch_norm", false));
    }

    @Test
    void outsideARunFlagsTakeTheirDefaults() {
        FlagValues f = seedFlags();
        assertThat(f.integer("dense_units1")).isEqualTo(128);
        assertThat(f.numeric("dropout1")).isEqualTo(0.4);
        assertThat(f.string("activation")).isEqualTo("relu");
        assertThat(f.bool("batch_norm")).isFalse();
        assertThat(f.asMap()).containsExactly(org.assertj.core.api.Assertions.entry("dense_units1", 128),
                org.assertj.core.api.Assertions.entry("dropout1", 0.4),
                org.assertj.core.api.Assertions.entry("activation", "relu"),
                org.assertj.core.api.Assertions.entry("batch_norm", false));
    }

    @Test
    void flagsFileOverridesDefaultsAndTheRunsFlagsOverrideTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("flags.yml"), "dropout1: 0.25\ndense_units1: 64\n");
        System.setProperty(ActiveRun.FLAGS_FILE_PROPERTY, file.toString());
        System.setProperty(ActiveRun.FLAGS_PROPERTY, "{\"dense_units1\": \"32\", \"batch_norm\": \"true\"}");
        FlagValues f = seedFlags();
        assertThat(f.numeric("dropout1")).isEqualTo(0.25);
        assertThat(f.integer("dense_units1")).isEqualTo(32);
        assertThat(f.bool("batch_norm")).isTrue();
    }

    @Test
    void namedProfileStartsFromDefault() throws Exception {
        Path file = Files.writeString(dir.resolve("flags.yml"),
                "default:\n  dropout1: 0.3\n  dense_units1: 256\ngpu:\n  dense_units1: 1024\n");
        System.setProperty(ActiveRun.FLAGS_FILE_PROPERTY, file.toString());
        System.setProperty(ActiveRun.CONFIG_PROPERTY, "gpu");
        FlagValues f = seedFlags();
        assertThat(f.integer("dense_units1")).isEqualTo(1024);
        assertThat(f.numeric("dropout1")).isEqualTo(0.3);
        System.setProperty(ActiveRun.CONFIG_PROPERTY, "default");
        assertThat(seedFlags().integer("dense_units1")).isEqualTo(256);
        System.setProperty(ActiveRun.CONFIG_PROPERTY, "tpu");
        assertThatThrownBy(FlagsTest::seedFlags).hasMessageContaining("no profile 'tpu'");
    }

    @Test
    void undeclaredFlagIsAnErrorNamingIt() {
        System.setProperty(ActiveRun.FLAGS_PROPERTY, "{\"dropout3\": \"0.1\"}");
        assertThatThrownBy(FlagsTest::seedFlags).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown flag 'dropout3'").hasMessageContaining("dense_units1");
    }

    @Test
    void valueOfTheWrongTypeIsAnErrorNamingTheFlag() {
        System.setProperty(ActiveRun.FLAGS_PROPERTY, "{\"dense_units1\": \"0.5\"}");
        assertThatThrownBy(FlagsTest::seedFlags).hasMessage(
                "Flag 'dense_units1' must be an integer, got '0.5' (from the run's flags)");
        System.setProperty(ActiveRun.FLAGS_PROPERTY, "{\"batch_norm\": \"maybe\"}");
        assertThatThrownBy(FlagsTest::seedFlags).hasMessageContaining("Flag 'batch_norm' must be a boolean");
    }

    @Test
    void readingAFlagAsAnotherTypeOrAnUndeclaredOneFails() {
        FlagValues f = seedFlags();
        assertThatThrownBy(() -> f.integer("dropout1")).hasMessageContaining("declared numeric, not integer");
        assertThatThrownBy(() -> f.numeric("units")).hasMessageContaining("No flag named 'units'");
    }

    @Test
    void insideARunTheValuesAreWrittenToFlagsJson() {
        System.setProperty(ActiveRun.DIR_PROPERTY, dir.toString());
        System.setProperty(ActiveRun.FLAGS_PROPERTY, "{\"dropout1\": 0.2}");
        seedFlags();
        assertThat(new RunDir(dir).flags()).containsEntry("dropout1", 0.2).containsEntry("dense_units1", 128);
    }

    @Test
    void aFlagIsDeclaredOnce() {
        assertThatThrownBy(() -> flags(flagInteger("a", 1), flagNumeric("a", 2))).hasMessageContaining("declared twice");
    }
}
