/**
 * Saving and loading models in Keras' own formats, so that models move between Horn and Keras:
 * the Keras 3 {@code .keras} zip ({@link dev.horn.keras.saving.KerasArchive}), Keras 2's
 * whole-model HDF5 file and {@code to_json()} ({@link dev.horn.keras.saving.LegacyH5}), and
 * {@code .weights.h5} files ({@link dev.horn.keras.saving.WeightsFile}).
 *
 * <p>The contract: every write is atomic (a temporary file moved over the target); every load
 * builds new objects and checks each config entry, variable count and shape before it assigns
 * anything, so a file that does not fit fails with its path and the problem and leaves no
 * half-loaded model. Configs follow Keras' schemas ({@link dev.horn.keras.saving.Format});
 * layers are rebuilt through {@link dev.horn.keras.saving.KerasLayers} (one registration per
 * built-in class, split by family into {@code ConvLayerConfigs}, {@code RecurrentLayerConfigs}
 * and {@code ImageLayerConfigs}), Sequential and Functional models through
 * {@link dev.horn.keras.saving.ModelConfigs} (a functional model's node graph in
 * {@code FunctionalConfigs}), custom objects through {@link dev.horn.keras.saving.CustomObjects}
 * ({@code registerKerasSerializable}). Optimizer state (iteration count, slots) is saved in
 * Keras 3's order, so {@code fit} continues after a load exactly where it stopped.
 * {@snippet :
 * saveModel(model, Path.of("mnist.keras"));
 * Model again = loadModel(Path.of("mnist.keras"));    // compiled, optimizer state restored
 * again.fit(x, y, epochs(3), initialEpoch(2));        // = one more epoch of the original run
 * }
 */
package dev.horn.keras.saving;
