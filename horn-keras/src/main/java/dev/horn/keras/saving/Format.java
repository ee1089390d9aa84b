package dev.horn.keras.saving;

/**
 * The two config schemas Keras writes: Keras 3's {@code .keras} {@code config.json}
 * ({@code module}, {@code class_name}, {@code config}, {@code registered_name}, dtype policies,
 * {@code build_config}) and Keras 2's ({@code class_name} and {@code config} only, dtypes as
 * strings, {@code batch_input_shape}), used by legacy HDF5 files and {@code to_json()}.
 */
public enum Format {
    KERAS3("3.10.0"),
    KERAS2("2.15.0");

    /** The Keras version a file in this schema claims, one whose loader reads what Horn writes. */
    public final String kerasVersion;

    Format(String kerasVersion) {
        this.kerasVersion = kerasVersion;
    }
}
