package dev.eventshop.benchmark;

import java.util.List;
import java.util.Locale;

/** A horizontal bar chart as SVG, written by hand: one labelled bar a value, the value printed after the bar. */
final class SvgChart {

    /** One bar: its label, its value and the unit printed after the value. */
    record Bar(String label, double value, String unit) {
    }

    private static final int LABEL_WIDTH = 260;
    private static final int BAR_WIDTH = 360;
    private static final int ROW = 26;

    private SvgChart() {
    }

    /** Bars proportional to their values. */
    static String bars(String title, List<Bar> bars) {
        return bars(title, bars, false);
    }

    /**
     * @param logarithmic bars proportional to the logarithm of their values, for values orders of magnitude apart;
     *     the shortest bar is then a tenth of the smallest value long
     */
    static String bars(String title, List<Bar> bars, boolean logarithmic) {
        double max = bars.stream().mapToDouble(Bar::value).filter(Double::isFinite).max().orElse(1);
        double min = bars.stream().mapToDouble(Bar::value).filter(value -> Double.isFinite(value) && value > 0)
                .min().orElse(1) / 10;
        int height = 40 + bars.size() * ROW + 10;
        int width = LABEL_WIDTH + BAR_WIDTH + 140;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"13\">%n", width, height, width, height));
        svg.append(String.format(Locale.ROOT, "  <rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        svg.append(String.format(Locale.ROOT, "  <text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>%n",
                escape(title)));
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = 40 + i * ROW;
            double value = Double.isFinite(bar.value()) ? bar.value() : 0;
            double share = logarithmic
                    ? (value <= 0 ? 0 : Math.log(value / min) / Math.log(max / min))
                    : (max <= 0 ? 0 : value / max);
            int length = (int) Math.round(BAR_WIDTH * share);
            svg.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                    LABEL_WIDTH - 8, y + 15, escape(bar.label())));
            svg.append(String.format(Locale.ROOT,
                    "  <rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"18\" fill=\"#4878a8\"/>%n", LABEL_WIDTH, y + 2,
                    Math.max(1, length)));
            svg.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%d\">%s %s</text>%n",
                    LABEL_WIDTH + Math.max(1, length) + 6, y + 15, Report.number(bar.value()), escape(bar.unit())));
        }
        return svg.append("</svg>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
