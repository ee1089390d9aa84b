package dev.horn.keras.functional;

import dev.horn.keras.Keras;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.horn.keras.Keras.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** plotModel draws the layer graph: Graphviz text always, PNG and SVG without Graphviz. */
class PlotModelTest {
    @TempDir
    Path dir;

    @BeforeEach
    void fresh() {
        Keras.clearSession();
    }

    @Test
    void dotTextHasARecordPerLayerAndAnEdgePerConnection() throws Exception {
        var model = HeadlineModelTest.headlineModel();
        Path file = dir.resolve("model.dot");
        model.plotModel(file, true);
        String dot = Files.readString(file);
        assertThat(dot).startsWith("digraph G {\nconcentrate=True;\ndpi=96;\nrankdir=TB;\nnode [shape=record];\n");
        assertThat(dot).contains("layer_0 [label=\"main_input: InputLayer|{input:|output:}|{{[(None, 100)]}|{[(None, 100)]}}\"];");
        assertThat(dot).contains("layer_4 [label=\"concatenate: Concatenate|{input:|output:}|{{[(None, 32), (None, 5)]}|{(None, 37)}}\"];");
        // main_input->embedding->lstm, lstm->concatenate, aux_input->concatenate, concat->dense->dense_1->dense_2->main_output, lstm->aux_output
        assertThat(dot.lines().filter(l -> l.contains(" -> ")).count()).isEqualTo(9);
        assertThat(dot).contains("layer_2 -> layer_4;", "layer_3 -> layer_4;", "layer_2 -> layer_9;");
        assertThat(Files.list(dir)).containsExactly(file);
    }

    @Test
    void pngAndSvgAreDrawnWithoutGraphviz() throws Exception {
        var model = HeadlineModelTest.headlineModel();
        Path png = dir.resolve("model.png");
        model.plotModel(png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getHeight()).isGreaterThan(image.getWidth()); // seven ranks, two wide at most
        boolean ink = false;
        for (int y = 0; y < image.getHeight() && !ink; y++) {
            for (int x = 0; x < image.getWidth() && !ink; x++) {
                ink = (image.getRGB(x, y) & 0xFFFFFF) == 0;
            }
        }
        assertThat(ink).isTrue();

        Path svg = dir.resolve("model.svg");
        model.plotModel(svg, true);
        String text = Files.readString(svg);
        assertThat(text).contains("<svg", "main_output: Dense", "output: (None, 1)");
    }

    @Test
    void anUnknownExtensionIsRejected() {
        var in = layerInput(3);
        var model = kerasModel(in, in.then(layerDense(1)));
        assertThatThrownBy(() -> model.plotModel(dir.resolve("model.jpeg")))
                .hasMessageContaining("the name must end in .dot, .gv, .png or .svg");
    }
}
