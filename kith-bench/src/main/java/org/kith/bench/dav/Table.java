package org.kith.bench.dav;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results, one line per measurement with one value per server, printed as a Markdown table
 * with the Kith/Radicale ratio. Lines keep the order they were first recorded in.
 */
final class Table {
    /** How a line's values compare: times are better low, rates better high. */
    enum Unit {
        MS("ms", false), CARDS_PER_S("cards/s", true);

        final String label;
        final boolean higherIsBetter;

        Unit(String label, boolean higherIsBetter) {
            this.label = label;
            this.higherIsBetter = higherIsBetter;
        }
    }

    private record Line(String label, Unit unit, Map<String, Double> values) {}

    private final List<String> columns;
    private final Map<String, Line> lines = new LinkedHashMap<>();

    /** {@code columns}: Kith first, then the server it is compared with. */
    Table(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    synchronized void record(String label, Unit unit, String column, double value) {
        lines.computeIfAbsent(label, l -> new Line(l, unit, new LinkedHashMap<>())).values().put(column, value);
        System.out.printf("  %-58s %-22s %10.2f %s%n", label, column, value, unit.label);
    }

    synchronized Double value(String label, String column) {
        Line line = lines.get(label);
        return line == null ? null : line.values().get(column);
    }

    synchronized String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| line | unit | ").append(String.join(" | ", columns)).append(" | Kith/Radicale | Kith ahead |\n");
        sb.append("|---|---|").append("---:|".repeat(columns.size())).append("---:|:---:|\n");
        for (Line line : lines.values()) {
            sb.append("| ").append(line.label()).append(" | ").append(line.unit().label).append(" |");
            List<Double> vs = new ArrayList<>();
            for (String c : columns) {
                Double v = line.values().get(c);
                vs.add(v);
                sb.append(' ').append(v == null ? "–" : format(v)).append(" |");
            }
            Double kith = vs.get(0);
            Double other = vs.size() > 1 ? vs.get(1) : null;
            if (kith == null || other == null || other == 0) {
                sb.append(" – | – |\n");
            } else {
                double ratio = kith / other;
                boolean ahead = line.unit().higherIsBetter ? ratio > 1 : ratio < 1;
                String shown = ratio >= 1 ? String.format("%.1f", ratio) : String.format("%.2g", ratio);
                sb.append(String.format(" %s | %s |%n", shown, ahead ? "yes" : "**no**"));
            }
        }
        return sb.toString();
    }

    private static String format(double v) {
        return v >= 100 ? String.format("%,.0f", v) : v >= 10 ? String.format("%.1f", v) : String.format("%.2f", v);
    }
}
