package io.intelligencecrm.web.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Charts as inline SVG drawn on the server: no chart script, nothing for the CSP to allow (no style
 * attributes, only classes), colours from the page's CSS so the dark scheme follows. Each has its
 * title and numbers as the accessible name, and the page shows the same numbers in a table. Kinds:
 * horizontal bars (rankings, shares), columns (a distribution), a line over time (a series per day or
 * week) and stacked bars (parts of a whole, with a legend).
 */
public final class SvgCharts {
    private static final int WIDTH = 440;
    private static final int ROW = 30;
    private static final int LABEL = 128;

    private SvgCharts() {
    }

    /** One value with its label and how the value is written ("$235,000", "18%"). */
    public record Bar(String label, double value, String shown) {
    }

    /** One part of stacked bars: its name and a value per category. */
    public record Series(String name, List<Double> values) {
    }

    /** Horizontal bars, labels on the left and each value written after its bar. */
    public static String bars(String title, List<Bar> bars) {
        if (bars.isEmpty()) return "";
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        int height = bars.size() * ROW + 4;
        // The longest written value must fit after the longest bar (about 7.5 px a character at the value's size).
        int longest = bars.stream().mapToInt(bar -> bar.shown().length()).max().orElse(0);
        int room = Math.max(60, WIDTH - LABEL - 12 - (int) Math.ceil(longest * 7.5));
        Svg svg = new Svg(title + ": " + describe(bars), WIDTH, height);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = 2 + i * ROW;
            double width = max <= 0 ? 0 : Math.max(bar.value() > 0 ? 2 : 0, bar.value() / max * room);
            svg.text(LABEL - 8, y + 19, "end", null, shorten(bar.label(), 18));
            svg.rect("bar", LABEL, y + 6, width, 18);
            svg.text(LABEL + width + 6, y + 19, null, "value", bar.shown());
        }
        return svg.end();
    }

    /** Vertical columns over labelled categories, each value above its column. */
    public static String columns(String title, List<Bar> bars) {
        if (bars.isEmpty()) return "";
        int height = 190;
        int top = 20;
        int bottom = height - 28;
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        double slot = (double) (WIDTH - 8) / bars.size();
        Svg svg = new Svg(title + ": " + describe(bars), WIDTH, height);
        svg.line("axis", 4, bottom, WIDTH - 4, bottom);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double x = 4 + i * slot + slot * 0.18;
            double width = slot * 0.64;
            double barHeight = max <= 0 ? 0 : Math.max(bar.value() > 0 ? 2 : 0, bar.value() / max * (bottom - top));
            svg.rect("bar", x, bottom - barHeight, width, barHeight);
            svg.text(x + width / 2, bottom - barHeight - 6, "middle", "value", bar.shown());
            svg.text(x + width / 2, bottom + 18, "middle", null, shorten(bar.label(), 12));
        }
        return svg.end();
    }

    /**
     * A line over time with the area under it, a light grid with round numbers on the left, and the
     * labels of a few points along the bottom (first, last and evenly between).
     */
    public static String line(String title, List<Bar> points, DoubleFunction<String> tick) {
        if (points.isEmpty()) return "";
        int height = 200;
        int left = 40;
        int right = WIDTH - 12;
        int top = 14;
        int bottom = height - 28;
        double max = niceCeiling(points.stream().mapToDouble(Bar::value).max().orElse(0));
        Svg svg = new Svg(title + ": " + describe(points), WIDTH, height);
        for (int step = 0; step <= 4; step++) {
            double value = max * step / 4;
            double y = bottom - (bottom - top) * step / 4.0;
            svg.line(step == 0 ? "axis" : "grid-line", left, y, right, y);
            svg.text(left - 6, y + 4, "end", null, tick.apply(value));
        }
        double stepX = points.size() == 1 ? 0 : (double) (right - left - 8) / (points.size() - 1);
        List<double[]> xy = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            double x = left + 4 + i * stepX;
            double y = max <= 0 ? bottom : bottom - points.get(i).value() / max * (bottom - top);
            xy.add(new double[] {x, y});
        }
        StringBuilder path = new StringBuilder();
        for (double[] point : xy) path.append(path.isEmpty() ? "M" : " L").append(number(point[0])).append(' ').append(number(point[1]));
        svg.path("area", path + " L" + number(xy.getLast()[0]) + " " + bottom + " L" + number(xy.getFirst()[0]) + " " + bottom + " Z");
        svg.path("line", path.toString());
        int every = Math.max(1, (int) Math.ceil(points.size() / 6.0));
        for (int i = 0; i < points.size(); i++) {
            if (points.size() <= 16) svg.circle("dot", xy.get(i)[0], xy.get(i)[1], 3);
            if (i % every == 0 || i == points.size() - 1 && (points.size() - 1) % every > every / 2) {
                svg.text(xy.get(i)[0], bottom + 18, "middle", null, points.get(i).label());
            }
        }
        return svg.end();
    }

    /** Horizontal bars split into coloured parts, one series each, with the total after each bar. */
    public static String stacked(String title, List<String> categories, List<Series> series, DoubleFunction<String> shown) {
        if (categories.isEmpty()) return "";
        double[] totals = new double[categories.size()];
        for (Series part : series) for (int i = 0; i < categories.size(); i++) totals[i] += part.values().get(i);
        double max = 0;
        for (double total : totals) max = Math.max(max, total);
        int room = WIDTH - LABEL - 60;
        int height = categories.size() * ROW + 4;
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < categories.size(); i++) {
            if (i > 0) words.append("; ");
            words.append(categories.get(i)).append(' ').append(shown.apply(totals[i]));
        }
        Svg svg = new Svg(title + ": " + words, WIDTH, height);
        for (int i = 0; i < categories.size(); i++) {
            int y = 2 + i * ROW;
            svg.text(LABEL - 8, y + 19, "end", null, shorten(categories.get(i), 18));
            double x = LABEL;
            for (int s = 0; s < series.size(); s++) {
                double value = series.get(s).values().get(i);
                double width = max <= 0 ? 0 : value / max * room;
                if (width > 0) svg.rect("series-" + (s % 5), x, y + 6, width, 18);
                x += width;
            }
            svg.text(x + 6, y + 19, null, "value", shown.apply(totals[i]));
        }
        return svg.end();
    }

    /** The smallest round number (1, 2, 2.5 or 5 times a power of ten) at or above the value; 1 for 0. */
    static double niceCeiling(double value) {
        if (value <= 0) return 1;
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) if (step * power >= value) return step * power;
        return 10 * power;
    }

    private static String describe(List<Bar> bars) {
        StringBuilder text = new StringBuilder();
        for (Bar bar : bars) {
            if (!text.isEmpty()) text.append("; ");
            text.append(bar.label()).append(' ').append(bar.shown());
        }
        return text.toString();
    }

    private static String shorten(String label, int length) {
        return label.length() <= length ? label : label.substring(0, length - 1) + "…";
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The markup being written; every text goes through {@link #escape}. Not thread-safe. */
    private static final class Svg {
        private final StringBuilder out = new StringBuilder(2048);

        Svg(String label, int width, int height) {
            out.append("<svg class=\"chart\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                    .append("\" role=\"img\" aria-label=\"").append(escape(label)).append("\">");
        }

        void text(double x, double y, String anchor, String css, String text) {
            out.append("<text x=\"").append(number(x)).append("\" y=\"").append(number(y)).append('"');
            if (anchor != null) out.append(" text-anchor=\"").append(anchor).append('"');
            if (css != null) out.append(" class=\"").append(css).append('"');
            out.append('>').append(escape(text)).append("</text>");
        }

        void rect(String css, double x, double y, double width, double height) {
            out.append("<rect class=\"").append(css).append("\" x=\"").append(number(x)).append("\" y=\"").append(number(y))
                    .append("\" width=\"").append(number(width)).append("\" height=\"").append(number(height))
                    .append("\" rx=\"3\"></rect>");
        }

        void line(String css, double x1, double y1, double x2, double y2) {
            out.append("<line class=\"").append(css).append("\" x1=\"").append(number(x1)).append("\" y1=\"").append(number(y1))
                    .append("\" x2=\"").append(number(x2)).append("\" y2=\"").append(number(y2)).append("\"></line>");
        }

        void path(String css, String d) {
            out.append("<path class=\"").append(css).append("\" d=\"").append(d).append("\"></path>");
        }

        void circle(String css, double x, double y, double r) {
            out.append("<circle class=\"").append(css).append("\" cx=\"").append(number(x)).append("\" cy=\"").append(number(y))
                    .append("\" r=\"").append(number(r)).append("\"></circle>");
        }

        String end() {
            return out.append("</svg>").toString();
        }
    }
}
