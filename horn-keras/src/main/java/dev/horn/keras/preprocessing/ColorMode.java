package dev.horn.keras.preprocessing;

/** How many channels an image is read with: Keras' {@code color_mode} ("grayscale", "rgb", "rgba"). */
public enum ColorMode {
    GRAYSCALE("grayscale", 1),
    RGB("rgb", 3),
    RGBA("rgba", 4);

    private final String kerasName;
    private final int channels;

    ColorMode(String kerasName, int channels) {
        this.kerasName = kerasName;
        this.channels = channels;
    }

    public int channels() {
        return channels;
    }

    public String kerasName() {
        return kerasName;
    }

    public static ColorMode of(String name) {
        for (ColorMode m : values()) {
            if (m.kerasName.equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("`color_mode` must be one of {\"rgb\", \"rgba\", \"grayscale\"}. "
                + "Received: color_mode=" + name);
    }
}
