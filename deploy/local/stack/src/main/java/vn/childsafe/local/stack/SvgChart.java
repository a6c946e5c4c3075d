package vn.childsafe.local.stack;

import java.util.List;
import java.util.Locale;

/**
 * A small hand-written SVG line/dot chart: panels stacked vertically that share the x axis (seconds of the run),
 * each with its own y axis, grid, labels and legend. Enough for a benchmark's figures without a charting library.
 */
final class SvgChart {

    /** One line (or, with {@code dots}, a scatter) of points. */
    record Series(String name, double[] xs, double[] ys, boolean dots) {}

    /** One panel: a title, the y axis' label and its series. */
    record Panel(String title, String yLabel, List<Series> series) {}

    private static final String[] COLOURS = {
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf"
    };
    private static final int WIDTH = 1000;
    private static final int PANEL_HEIGHT = 320;
    private static final int LEFT = 80;
    private static final int RIGHT = 230;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    private SvgChart() {}

    /** The whole chart as SVG text. */
    static String render(String title, String xLabel, List<Panel> panels) {
        double xMax = 1;
        for (Panel p : panels) {
            for (Series s : p.series()) {
                for (double x : s.xs()) {
                    xMax = Math.max(xMax, x);
                }
            }
        }
        int height = 30 + panels.size() * PANEL_HEIGHT;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                        + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                WIDTH,
                height,
                WIDTH,
                height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(text(WIDTH / 2.0, 20, escape(title), "middle", 15, "bold"));
        for (int i = 0; i < panels.size(); i++) {
            panel(svg, panels.get(i), 30 + i * PANEL_HEIGHT, xMax, xLabel);
        }
        return svg.append("</svg>\n").toString();
    }

    private static void panel(StringBuilder svg, Panel panel, int y0, double xMax, String xLabel) {
        double yMax = 0;
        for (Series s : panel.series()) {
            for (double y : s.ys()) {
                yMax = Math.max(yMax, y);
            }
        }
        double xStep = niceStep(xMax);
        double yStep = niceStep(yMax <= 0 ? 1 : yMax);
        double xTop = Math.ceil(xMax / xStep) * xStep;
        double yTop = Math.max(yStep, Math.ceil(yMax / yStep) * yStep);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = PANEL_HEIGHT - TOP - BOTTOM;
        int top = y0 + TOP;
        int bottom = top + plotH;

        svg.append(text(LEFT + plotW / 2.0, y0 + 22, escape(panel.title()), "middle", 13, "bold"));
        for (double v = 0; v <= yTop + yStep / 2; v += yStep) {
            double y = bottom - v / yTop * plotH;
            svg.append(line(LEFT, y, LEFT + plotW, y, "#e0e0e0"));
            svg.append(text(LEFT - 6, y + 4, number(v), "end", 11, "normal"));
        }
        for (double v = 0; v <= xTop + xStep / 2; v += xStep) {
            double x = LEFT + v / xTop * plotW;
            svg.append(line(x, top, x, bottom, "#f0f0f0"));
            svg.append(text(x, bottom + 16, number(v), "middle", 11, "normal"));
        }
        svg.append(line(LEFT, bottom, LEFT + plotW, bottom, "black"));
        svg.append(line(LEFT, top, LEFT, bottom, "black"));
        svg.append(text(LEFT + plotW / 2.0, bottom + 36, escape(xLabel), "middle", 12, "normal"));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%.1f\" text-anchor=\"middle\" " + "transform=\"rotate(-90 %d %.1f)\">%s</text>%n",
                22,
                top + plotH / 2.0,
                22,
                top + plotH / 2.0,
                escape(panel.yLabel())));

        for (int i = 0; i < panel.series().size(); i++) {
            Series s = panel.series().get(i);
            String colour = COLOURS[i % COLOURS.length];
            if (s.dots()) {
                for (int k = 0; k < s.xs().length; k++) {
                    svg.append(String.format(
                            Locale.ROOT,
                            "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\" " + "fill-opacity=\"0.7\"/>%n",
                            LEFT + s.xs()[k] / xTop * plotW,
                            bottom - s.ys()[k] / yTop * plotH,
                            colour));
                }
            } else if (s.xs().length > 0) {
                StringBuilder points = new StringBuilder();
                for (int k = 0; k < s.xs().length; k++) {
                    points.append(String.format(
                            Locale.ROOT,
                            "%.1f,%.1f ",
                            LEFT + s.xs()[k] / xTop * plotW,
                            bottom - s.ys()[k] / yTop * plotH));
                }
                svg.append(String.format(
                        Locale.ROOT,
                        "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" " + "points=\"%s\"/>%n",
                        colour,
                        points.toString().strip()));
            }
            double ly = top + 8 + i * 18;
            double lx = LEFT + plotW + 15;
            svg.append(
                    s.dots()
                            ? String.format(
                                    Locale.ROOT,
                                    "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>%n",
                                    lx + 10,
                                    ly - 4,
                                    colour)
                            : String.format(
                                    Locale.ROOT,
                                    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                                            + "stroke=\"%s\" stroke-width=\"3\"/>%n",
                                    lx,
                                    ly - 4,
                                    lx + 20,
                                    ly - 4,
                                    colour));
            svg.append(text(lx + 26, ly, escape(s.name()), "start", 11, "normal"));
        }
    }

    /** A 1-2-5 step that gives five to ten ticks up to {@code max}. */
    private static double niceStep(double max) {
        double raw = max / 6;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (raw <= m * magnitude) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2g", v);
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n",
                x1,
                y1,
                x2,
                y2,
                colour);
    }

    private static String text(double x, double y, String content, String anchor, int size, String weight) {
        return String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" " + "font-weight=\"%s\">%s</text>%n",
                x,
                y,
                anchor,
                size,
                weight,
                content);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
