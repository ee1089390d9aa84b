package dev.horn.keras.layers;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.keras.Keras;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.horn.keras.Keras.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The seed guide's "layer nodes" section: each call adds a node, and output/input shapes are defined per node. */
class LayerNodesTest {
    @BeforeEach
    void freshNames() {
        Keras.clearSession();
    }

    @Test
    void callingALayerOnASymbolicTensorAddsANode() {
        var a = layerInput(280, 256);
        var dense = layerDense(32);
        var encoded = a.then(dense);
        assertThat(dense.inboundNodes()).hasSize(1);
        assertThat(dense.output()).isSameAs(encoded);
        assertThat(dense.input()).isSameAs(a);
        assertThat(encoded.shape()).isEqualTo(Shape.of(-1, 280, 32));
        assertThat(dense.outputShape()).isEqualTo(Shape.of(-1, 280, 32));
        assertThat(dense.inboundNodes().getFirst().inboundConnections()).containsExactly("input_1[0][0]");
    }

    @Test
    void aSharedLayerHasOneNodePerCallAndNoSingleOutput() {
        var a = layerInput(280, 256);
        var b = layerInput(280, 256);
        var shared = layerDense(32).name("lstm_4");
        var encodedA = a.then(shared);
        var encodedB = b.then(shared);
        assertThat(shared.inboundNodes()).hasSize(2);
        assertThatThrownBy(shared::output).isInstanceOf(IllegalStateException.class).hasMessage(
                "Layer lstm_4 has multiple inbound nodes, hence the notion of \"layer output\" is ill-defined. "
                        + "Use `getOutputAt(nodeIndex)` instead.");
        assertThat(shared.getOutputAt(0)).isSameAs(encodedA);
        assertThat(shared.getOutputAt(1)).isSameAs(encodedB);
        assertThat(shared.getInputAt(1)).isSameAs(b);
        // both nodes agree on their shapes, so the shapes stay defined; the weights are shared
        assertThat(shared.outputShape()).isEqualTo(Shape.of(-1, 280, 32));
        assertThat(shared.countParams()).isEqualTo(256 * 32 + 32);
        assertThat(encodedB.nodeIndex()).isEqualTo(1);
    }

    @Test
    void inputShapeIsIllDefinedWhenNodesDisagree() {
        var a = layerInput(32, 32, 3);
        var b = layerInput(64, 64, 3);
        var dense = layerDense(16);
        a.then(dense);
        assertThat(dense.inputShape()).isEqualTo(Shape.of(-1, 32, 32, 3));
        b.then(dense);
        assertThatThrownBy(dense::inputShape).hasMessageContaining("has multiple inbound nodes, with different input shapes")
                .hasMessageContaining("Use `getInputShapeAt(nodeIndex)` instead.");
        assertThat(dense.getInputShapeAt(0)).isEqualTo(Shape.of(-1, 32, 32, 3));
        assertThat(dense.getInputShapeAt(1)).isEqualTo(Shape.of(-1, 64, 64, 3));
        assertThat(dense.getOutputShapeAt(1)).isEqualTo(Shape.of(-1, 64, 64, 16));
    }

    @Test
    void anInputTakesADtypeAndANameUntilItIsUsed() {
        var main = layerInput(100).dtype(DType.INT32).name("main_input");
        assertThat(main.dtype()).isEqualTo(DType.INT32);
        assertThat(main.layer().name()).isEqualTo("main_input");
        assertThat(main.layer().dtype()).isEqualTo(DType.INT32);
        assertThat(main.toString()).isEqualTo(
                "KerasTensor(shape=(None, 100), dtype=int32, name='main_input', description=\"created by layer 'main_input'\")");
        main.then(layerDense(2));
        assertThatThrownBy(() -> main.name("other")).hasMessageContaining("already used");
        // unnamed inputs are numbered from one, as Keras 2 does
        assertThat(layerInput(3).name()).isEqualTo("input_1");
    }

    @Test
    void incompatibleShapesNameBothLayers() {
        var x = layerInput(28).then(layerDense(28).name("dense_1"));
        var dense2 = layerDense(4).name("dense_2");
        x.then(dense2);
        var y = layerInput(10).then(layerDense(27).name("dense_3"));
        assertThatThrownBy(() -> y.then(dense2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer \"dense_3\" (shape (None, 27))")
                .hasMessageContaining("layer \"dense_2\"")
                .hasMessageContaining("expected axis -1 of input shape to have value 28");
    }
}
