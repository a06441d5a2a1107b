package io.intelligencecrm.web.page;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Horizontal bar charts as inline SVG, drawn on the server: no chart script, nothing for the CSP to
 * allow, readable on a phone (labels sit beside their bars), colours from the page's CSS so dark
 * mode follows. The numbers are also in the accessible name and in a table next to the chart.
 */
public final class SvgCharts {
    private static final int ROW = 28;
    private static final int LABEL_WIDTH = 150;
    private static final int BAR_WIDTH = 220;

    private SvgCharts() {
    }

    public record Bar(String label, double value, String shown) {
    }

    public static String bars(String title, List<Bar> bars) {
        if (bars.isEmpty()) return "";
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        int height = bars.size() * ROW + 8;
        StringBuilder svg = new StringBuilder(256 + bars.size() * 220);
        svg.append("<svg class=\"chart\" viewBox=\"0 0 480 ").append(height)
                .append("\" role=\"img\" aria-label=\"").append(escape(title)).append("\"><title>")
                .append(escape(title)).append("</title>");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = 4 + i * ROW;
            double width = max <= 0 ? 0 : Math.max(bar.value() > 0 ? 2 : 0, bar.value() / max * BAR_WIDTH);
            svg.append("<text class=\"chart-label\" x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(y + 17)
                    .append("\" text-anchor=\"end\">").append(escape(shorten(bar.label()))).append("</text>")
                    .append("<rect class=\"chart-bar\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 4)
                    .append("\" width=\"").append(String.format(Locale.ROOT, "%.1f", width))
                    .append("\" height=\"18\" rx=\"3\"></rect>")
                    .append("<text class=\"chart-value\" x=\"").append(String.format(Locale.ROOT, "%.1f", LABEL_WIDTH + width + 6))
                    .append("\" y=\"").append(y + 17).append("\">").append(escape(bar.shown())).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** Bars from a table: labels from the first column, values from the last numeric column. */
    public static String fromTable(String title, List<List<Object>> rows) {
        if (rows.isEmpty()) return "";
        int valueColumn = -1;
        for (int column = rows.get(0).size() - 1; column > 0; column--) {
            if (number(rows.get(0).get(column)) != null) {
                valueColumn = column;
                break;
            }
        }
        if (valueColumn < 0) return "";
        int finalColumn = valueColumn;
        List<Bar> bars = rows.stream().limit(30).map(row -> {
            Double value = number(row.get(finalColumn));
            String label = String.valueOf(row.get(0)) + (row.size() > 2 && finalColumn > 1 && row.get(1) instanceof String s
                    && s.length() == 3 && s.equals(s.toUpperCase(Locale.ROOT)) ? " (" + s + ")" : "");
            return new Bar(label, value == null ? 0 : value, Formats.number(value));
        }).toList();
        return bars(title, bars);
    }

    static Double number(Object value) {
        if (value instanceof Number number) return number.doubleValue();
        if (value instanceof String text) {
            try {
                return new BigDecimal(text).doubleValue();
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String shorten(String label) {
        return label.length() <= 22 ? label : label.substring(0, 21) + "…";
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
}
