package dev.horn.keras.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.None;

/**
 * Panels stacked as ggplot2's {@code facet_grid(facet ~ ., switch = "y", scales = "free_y")}
 * in {@code theme_grey()}: grey panels with white major and minor grid lines, each panel's name
 * rotated left of its y axis, one x axis under the last panel, an optional legend on the right.
 * Breaks are ggplot's (Wilkinson's extended labelling for y, integer {@code pretty()} breaks for
 * x) with R's labels; sizes are theme_grey's points at 96 dpi, scaled to the image.
 *
 * <p>XChart draws the data of each panel (points as shape 21, lines), mapped exactly onto the
 * panel; this class draws the rest, so a PNG and an SVG come out alike.
 */
public final class FacetPlot {
    private static final Color PANEL = new Color(0xEBEBEB);
    private static final Color KEY = new Color(0xF2F2F2);
    private static final Color AXIS_TEXT = new Color(0x4D4D4D);
    private static final Color TICKS = new Color(0x333333);
    private static final String FONT = Font.SANS_SERIF;
    /** ggplot2 line widths are in mm: 1 mm = 72.27 / 25.4 points. */
    private static final double MM = 72.27 / 25.4;
    private static final BufferedImage MEASURE = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);

    private FacetPlot() {
    }

    /**
     * One series of a panel: points (filled with {@code color}, or hollow when it is null) and
     * an optional line ({@code lineX}/{@code lineY}, null for none) in {@code lineColor}.
     */
    public record Series(String label, double[] x, double[] y, Color color, double[] lineX, double[] lineY, Color lineColor) {
    }

    public record Panel(String name, List<Series> series) {
    }

    /** A legend entry: the label, its point colour, and whether its key shows a line. */
    public record Key(String label, Color color, boolean line) {
    }

    /** Sizes that scale with the image: ggplot's theme is in points, the image in pixels. */
    private record Theme(double scale) {
        float px(double points) {
            return (float) (points * 96 / 72 * scale);
        }

        Font font(double points) {
            return new Font(FONT, Font.PLAIN, Math.max(6, Math.round(px(points))));
        }
    }

    private record Axis(double lo, double hi, double[] major, double[] minor, String[] labels) {
    }

    /** Paints the panels on a {@code width} x {@code height} canvas; {@code legendTitle} null means no legend. */
    public static void paint(Graphics2D g, int width, int height, List<Panel> panels, String xTitle,
                             String legendTitle, List<Key> keys) {
        // R's default device is 7 x 5 inches (672 x 480 at 96 dpi) for two panels
        double fit = Math.min(width / 672.0, height / (240.0 * panels.size()));
        Theme t = new Theme(Math.max(0.8, Math.min(1.6, fit)));
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width, height));

        Font tickFont = t.font(8.8);
        Font titleFont = t.font(11);
        FontMetrics tickFm = metrics(tickFont);
        FontMetrics titleFm = metrics(titleFont);
        float margin = t.px(5.5);
        float tick = t.px(2.75);
        float tickGap = t.px(2.2);
        float stripPad = t.px(4.4);
        float spacing = t.px(5.5);

        Axis x = xAxis(panels);
        List<Axis> ys = new ArrayList<>();
        float labelWidth = 0;
        for (Panel p : panels) {
            Axis y = yAxis(p);
            ys.add(y);
            for (String l : y.labels()) {
                labelWidth = Math.max(labelWidth, tickFm.stringWidth(l));
            }
        }
        float stripWidth = titleFm.getAscent() + titleFm.getDescent() + 2 * stripPad;
        float left = margin + stripWidth + labelWidth + tickGap + tick;
        Font legendFont = t.font(8.8);
        float legendWidth = 0;
        if (legendTitle != null) {
            FontMetrics lfm = metrics(legendFont);
            int text = titleFm.stringWidth(legendTitle);
            for (Key k : keys) {
                text = Math.max(text, lfm.stringWidth(k.label()) + Math.round(t.px(17.28 + 5.5)));
            }
            legendWidth = t.px(11) + text + t.px(5.5);
        }
        float right = width - margin - legendWidth;
        float bottomAxis = tick + tickGap + tickFm.getAscent() + tickFm.getDescent() + t.px(2.75)
                + titleFm.getAscent() + titleFm.getDescent();
        float panelHeight = (height - 2 * margin - bottomAxis - spacing * (panels.size() - 1)) / panels.size();
        BasicStroke tickStroke = new BasicStroke(t.px(0.5 * MM * 72 / 96));

        for (int i = 0; i < panels.size(); i++) {
            Axis y = ys.get(i);
            Rectangle2D.Float area = new Rectangle2D.Float(left, margin + i * (panelHeight + spacing), right - left, panelHeight);
            drawGrid(g, t, area, x, y);
            drawData(g, t, area, x, y, panels.get(i));
            g.setFont(tickFont);
            for (int b = 0; b < y.major().length; b++) {
                double sy = screenY(area, y, y.major()[b]);
                g.setColor(TICKS);
                g.setStroke(tickStroke);
                g.draw(new Line2D.Double(left - tick, sy, left, sy));
                g.setColor(AXIS_TEXT);
                String label = y.labels()[b];
                g.drawString(label, left - tick - tickGap - tickFm.stringWidth(label),
                        (float) (sy + (tickFm.getAscent() - tickFm.getDescent()) / 2.0));
            }
            // the strip, switched to the left and placed outside the axis
            AffineTransform saved = g.getTransform();
            g.translate(margin + stripPad + titleFm.getAscent(), area.y + panelHeight / 2 + titleFm.stringWidth(panels.get(i).name()) / 2f);
            g.rotate(-Math.PI / 2);
            g.setColor(Color.BLACK);
            g.setFont(titleFont);
            g.drawString(panels.get(i).name(), 0, 0);
            g.setTransform(saved);
        }
        float axisY = margin + panels.size() * panelHeight + (panels.size() - 1) * spacing;
        Rectangle2D.Float last = new Rectangle2D.Float(left, axisY - panelHeight, right - left, panelHeight);
        g.setFont(tickFont);
        for (int b = 0; b < x.major().length; b++) {
            double sx = screenX(last, x, x.major()[b]);
            g.setColor(TICKS);
            g.setStroke(tickStroke);
            g.draw(new Line2D.Double(sx, axisY, sx, axisY + tick));
            g.setColor(AXIS_TEXT);
            String label = x.labels()[b];
            g.drawString(label, (float) (sx - tickFm.stringWidth(label) / 2.0), axisY + tick + tickGap + tickFm.getAscent());
        }
        g.setColor(Color.BLACK);
        g.setFont(titleFont);
        g.drawString(xTitle, left + (right - left - titleFm.stringWidth(xTitle)) / 2,
                axisY + tick + tickGap + tickFm.getAscent() + tickFm.getDescent() + t.px(2.75) + titleFm.getAscent());
        if (legendTitle != null) {
            legend(g, t, right + t.px(11), margin + (axisY - margin) / 2, legendTitle, keys, titleFont, legendFont);
        }
    }

    private static FontMetrics metrics(Font font) {
        Graphics2D g = MEASURE.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        FontMetrics fm = g.getFontMetrics(font);
        g.dispose();
        return fm;
    }

    private static Axis xAxis(List<Panel> panels) {
        double[] range = range(panels.stream().flatMap(p -> p.series().stream()).flatMap(s -> java.util.stream.Stream.of(s.x())).toList());
        if (!(range[1] >= range[0])) {
            range = new double[] {1, 1};
        }
        double pad = range[1] > range[0] ? 0.05 * (range[1] - range[0]) : 0.05 * Math.max(1, Math.abs(range[0]));
        double a = range[0] - pad;
        double b = range[1] + pad;
        // R keras: int_breaks <- function(x) pretty(x)[pretty(x) %% 1 == 0]
        double[] major = Arrays.stream(Breaks.within(Breaks.pretty(a, b, 5), a, b))
                .filter(v -> Math.abs(v - Math.rint(v)) < 1e-9).toArray();
        String[] labels = Arrays.stream(major).mapToObj(v -> String.valueOf((long) Math.rint(v))).toArray(String[]::new);
        return new Axis(a, b, major, Breaks.minor(major, a, b), labels);
    }

    private static Axis yAxis(Panel panel) {
        List<double[]> values = new ArrayList<>();
        for (Series s : panel.series()) {
            values.add(s.y());
            if (s.lineY() != null) {
                values.add(s.lineY());
            }
        }
        double[] range = range(values);
        if (!(range[1] >= range[0])) {
            range = new double[] {0, 1};
        }
        double pad = range[1] > range[0] ? 0.05 * (range[1] - range[0]) : 0.05 * Math.max(Math.abs(range[0]), 1e-3);
        double a = range[0] - pad;
        double b = range[1] + pad;
        double[] major = Breaks.within(Breaks.extended(a, b, 5), a, b);
        return new Axis(a, b, major, Breaks.minor(major, a, b), Breaks.labels(major));
    }

    private static double[] range(List<double[]> arrays) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] a : arrays) {
            for (double v : a) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return new double[] {lo, hi};
    }

    private static double screenX(Rectangle2D area, Axis x, double v) {
        return area.getX() + (v - x.lo()) / (x.hi() - x.lo()) * area.getWidth();
    }

    private static double screenY(Rectangle2D area, Axis y, double v) {
        return area.getMaxY() - (v - y.lo()) / (y.hi() - y.lo()) * area.getHeight();
    }

    private static void drawGrid(Graphics2D g, Theme t, Rectangle2D area, Axis x, Axis y) {
        g.setColor(PANEL);
        g.fill(area);
        g.setColor(Color.WHITE);
        // theme_grey: major grid lines 0.5 mm, minor ones half that
        g.setStroke(new BasicStroke(t.px(0.25 * MM * 72 / 96)));
        gridLines(g, area, x, y, x.minor(), y.minor());
        g.setStroke(new BasicStroke(t.px(0.5 * MM * 72 / 96)));
        gridLines(g, area, x, y, x.major(), y.major());
    }

    private static void gridLines(Graphics2D g, Rectangle2D area, Axis x, Axis y, double[] xs, double[] ys) {
        for (double v : xs) {
            double sx = screenX(area, x, v);
            g.draw(new Line2D.Double(sx, area.getY(), sx, area.getMaxY()));
        }
        for (double v : ys) {
            double sy = screenY(area, y, v);
            g.draw(new Line2D.Double(area.getX(), sy, area.getMaxX(), sy));
        }
    }

    /** Points first, lines on top (R adds geom_smooth after geom_point), drawn by XChart into the panel. */
    private static void drawData(Graphics2D g, Theme t, Rectangle2D.Float area, Axis x, Axis y, Panel panel) {
        int cw = Math.max(10, Math.round(area.width));
        int ch = Math.max(10, Math.round(area.height));
        XYChart chart = new XYChart(cw, ch);
        var st = chart.getStyler();
        Color clear = new Color(0, 0, 0, 0);
        st.setChartBackgroundColor(clear);
        st.setPlotBackgroundColor(clear);
        st.setPlotBorderVisible(false);
        st.setPlotGridLinesVisible(false);
        st.setLegendVisible(false);
        st.setChartTitleVisible(false);
        st.setChartPadding(0);
        st.setPlotMargin(0);
        st.setAxisTicksVisible(false);
        st.setAxisTitlesVisible(false);
        st.setXAxisMin(x.lo());
        st.setXAxisMax(x.hi());
        st.setYAxisMin(y.lo());
        st.setYAxisMax(y.hi());
        st.setMarkerSize(pointSize(t));
        Marker ring = new OutlinedCircle(t.px(0.5 * MM / 2 * 72 / 96));
        int n = 0;
        for (Series s : panel.series()) {
            XYSeries points = chart.addSeries("points " + n++, s.x(), s.y());
            points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            points.setMarker(ring);
            points.setMarkerColor(s.color() != null ? s.color() : clear);
        }
        for (Series s : panel.series()) {
            if (s.lineX() == null) {
                continue;
            }
            XYSeries line = chart.addSeries("line " + n++, s.lineX(), s.lineY());
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setMarker(new None());
            line.setLineColor(s.lineColor());
            // geom_smooth's line is 1 mm wide
            line.setLineStyle(new BasicStroke(t.px(0.75 * MM * 72 / 96), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
        }
        // XChart keeps a little padding round its plot area: find it, then map that area onto the panel
        Graphics2D scratch = MEASURE.createGraphics();
        chart.paint(scratch, cw, ch);
        scratch.dispose();
        double x0 = chart.getScreenXFromChart(x.lo());
        double x1 = chart.getScreenXFromChart(x.hi());
        double y0 = chart.getScreenYFromChart(y.hi());
        double y1 = chart.getScreenYFromChart(y.lo());
        AffineTransform saved = g.getTransform();
        Shape clip = g.getClip();
        g.clip(area);
        g.translate(area.x, area.y);
        g.scale(area.width / (x1 - x0), area.height / (y1 - y0));
        g.translate(-x0, -y0);
        chart.paint(g, cw, ch);
        g.setTransform(saved);
        g.setClip(clip);
    }

    private static void legend(Graphics2D g, Theme t, float x, float centerY, String title, List<Key> keys,
                               Font titleFont, Font textFont) {
        FontMetrics tf = metrics(titleFont);
        FontMetrics lf = metrics(textFont);
        float key = t.px(17.28);
        float gap = t.px(5.5);
        float y0 = centerY - (tf.getAscent() + tf.getDescent() + gap + keys.size() * key) / 2;
        g.setColor(Color.BLACK);
        g.setFont(titleFont);
        g.drawString(title, x, y0 + tf.getAscent());
        float point = pointSize(t);
        for (int i = 0; i < keys.size(); i++) {
            Key k = keys.get(i);
            float ky = y0 + tf.getAscent() + tf.getDescent() + gap + i * key;
            g.setColor(KEY);
            g.fill(new Rectangle2D.Float(x, ky, key, key));
            if (k.line()) {
                g.setColor(k.color());
                g.setStroke(new BasicStroke(t.px(0.75 * MM * 72 / 96)));
                g.draw(new Line2D.Double(x + 1, ky + key / 2.0, x + key - 1, ky + key / 2.0));
            }
            Ellipse2D dot = new Ellipse2D.Double(x + (key - point) / 2.0, ky + (key - point) / 2.0, point, point);
            g.setColor(k.color());
            g.fill(dot);
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(Math.max(0.6f, t.px(0.5 * MM / 2 * 72 / 96))));
            g.draw(dot);
            g.setFont(textFont);
            g.drawString(k.label(), x + key + gap, ky + key / 2 + (lf.getAscent() - lf.getDescent()) / 2f);
        }
    }

    /** geom_point(size = 1.5) with its stroke of 0.5: a disc about 1.75 mm across. */
    private static int pointSize(Theme t) {
        return Math.round(t.px(1.75 * MM * 72 / 96));
    }

    /** ggplot's shape 21: a disc in the series colour with a thin black ring. */
    private static final class OutlinedCircle extends Marker {
        private final float ring;

        OutlinedCircle(float ring) {
            this.ring = ring;
        }

        @Override
        public void paint(Graphics2D g, double xOffset, double yOffset, int markerSize) {
            double r = markerSize / 2.0;
            Ellipse2D disc = new Ellipse2D.Double(xOffset - r, yOffset - r, markerSize, markerSize);
            g.fill(disc);
            var paint = g.getPaint();
            var stroke = g.getStroke();
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(Math.max(0.6f, ring)));
            g.draw(disc);
            g.setPaint(paint);
            g.setStroke(stroke);
        }
    }
}
