package dev.horn.keras.callbacks;

import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import dev.horn.keras.internal.FacetPlot;
import dev.horn.keras.internal.Loess;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Draws a {@link History} as R keras' {@code plot(history)} draws it with ggplot2: a panel per
 * metric (loss, then accuracy, ...; the name left of the panel's axis, as
 * {@code facet_grid(metric ~ ., switch = "y")}), the epoch axis shared under the last panel,
 * training and validation points in ggplot's two default hues with a loess smooth in the same
 * hue when there are 10 epochs or more, and a {@code data} legend on the right. A history
 * without validation has hollow black points, a blue smooth and no legend, as ggplot draws it
 * without a colour mapping.
 *
 * <p>The file's extension picks the format: {@code .png} (a Java2D image) or {@code .svg}
 * (vector graphics through XChart's VectorGraphics2D).
 */
public final class HistoryPlot {
    private static final Color TRAINING = new Color(0xF8766D);
    private static final Color VALIDATION = new Color(0x00BFC4);
    private static final Color SMOOTH_ALONE = new Color(0x3366FF);

    private HistoryPlot() {
    }

    /**
     * What to draw and how large. {@link #defaults()} is R's {@code plot(history)}: every metric,
     * smoothed (only from 10 epochs on, as R forces), 800 pixels wide, 300 high per panel.
     */
    public record Options(List<String> metrics, boolean smooth, int width, int height) {
        public Options {
            metrics = List.copyOf(metrics);
            if (width < 200 || height < 0 || (height > 0 && height < 150)) {
                throw new IllegalArgumentException("plot: the image must be at least 200x150 pixels, got " + width + "x" + height);
            }
        }

        public static Options defaults() {
            return new Options(List.of(), true, 800, 0);
        }

        /** Only these metrics (names without {@code val_}), in this order: R's {@code metrics = c("loss")}. */
        public Options withMetrics(String... names) {
            return new Options(List.of(names), smooth, width, height);
        }

        /** R's {@code smooth}: a loess smooth through each series (R draws it from 10 epochs on only). */
        public Options withSmooth(boolean smooth) {
            return new Options(metrics, smooth, width, height);
        }

        /** The image size in pixels; a height of 0 means 300 per panel. */
        public Options withSize(int width, int height) {
            return new Options(metrics, smooth, width, height);
        }
    }

    static void write(History history, Path file, Options options) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean png = name.endsWith(".png");
        if (!png && !name.endsWith(".svg")) {
            throw new IllegalArgumentException("plot: cannot tell the image format of " + file + "; the name must end in .png or .svg");
        }
        boolean validation = history.metrics().keySet().stream().anyMatch(k -> k.startsWith("val_"));
        boolean smooth = options.smooth() && epochs(history) >= 10;
        List<FacetPlot.Panel> panels = panels(history, options, validation, smooth);
        List<FacetPlot.Key> keys = List.of(new FacetPlot.Key("training", TRAINING, smooth),
                new FacetPlot.Key("validation", VALIDATION, smooth));
        int w = options.width();
        int h = options.height() > 0 ? options.height() : 300 * panels.size();
        try {
            if (png) {
                BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = image.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
                FacetPlot.paint(g, w, h, panels, "epoch", validation ? "data" : null, keys);
                g.dispose();
                if (!ImageIO.write(image, "png", file.toFile())) {
                    throw new IllegalStateException("plot: this Java runtime has no PNG writer");
                }
            } else {
                VectorGraphics2D g = new VectorGraphics2D();
                FacetPlot.paint(g, w, h, panels, "epoch", validation ? "data" : null, keys);
                try (OutputStream out = Files.newOutputStream(file)) {
                    Processors.get("svg").getDocument(g.getCommands(), new PageSize(0, 0, w, h)).writeTo(out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("plot: cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** R forces smooth = FALSE below 10 epochs, counting params$epochs. */
    private static int epochs(History history) {
        if (history.params().get("epochs") instanceof Integer e) {
            return e;
        }
        return history.epochs().isEmpty() ? 0 : history.epochs().getLast() + 1;
    }

    private static List<FacetPlot.Panel> panels(History history, Options options, boolean validation, boolean smooth) {
        Set<String> names = new LinkedHashSet<>();
        for (String k : history.metrics().keySet()) {
            if (!k.startsWith("val_")) {
                names.add(k);
            }
        }
        List<String> chosen = options.metrics().isEmpty() ? List.copyOf(names) : options.metrics();
        if (chosen.isEmpty()) {
            throw new IllegalStateException("plot: the history has no metrics to plot; record an epoch first");
        }
        List<FacetPlot.Panel> panels = new ArrayList<>();
        for (String metric : chosen) {
            List<FacetPlot.Series> series = new ArrayList<>();
            add(series, history, metric, validation ? TRAINING : null, validation ? TRAINING : SMOOTH_ALONE, smooth);
            if (validation) {
                add(series, history, "val_" + metric, VALIDATION, VALIDATION, smooth);
            }
            if (history.metric(metric).isEmpty() && history.metric("val_" + metric).isEmpty()) {
                throw new IllegalArgumentException("plot: no metric '" + metric + "' in the history; it has " + names);
            }
            panels.add(new FacetPlot.Panel(metric, series));
        }
        return panels;
    }

    private static void add(List<FacetPlot.Series> series, History history, String key, Color fill, Color line, boolean smooth) {
        List<Double> values = history.metric(key);
        if (values.isEmpty()) {
            return;
        }
        List<Integer> at = history.epochsOf(key);
        // R numbers epochs from 1; NaN and infinite values (a diverged loss) are left out, as ggplot drops them
        double[] x = java.util.stream.IntStream.range(0, values.size()).filter(i -> Double.isFinite(values.get(i)))
                .mapToDouble(i -> at.get(i) + 1).toArray();
        double[] y = values.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).toArray();
        if (x.length == 0) {
            return;
        }
        double[] lineX = null;
        double[] lineY = null;
        if (smooth && x.length >= 3) {
            // geom_smooth evaluates the loess at 80 points across the data
            lineX = new double[80];
            for (int i = 0; i < 80; i++) {
                lineX[i] = x[0] + (x[x.length - 1] - x[0]) * i / 79;
            }
            lineY = Loess.fit(x, y, lineX);
        }
        series.add(new FacetPlot.Series(key, x, y, fill, lineX, lineY, line));
    }
}
