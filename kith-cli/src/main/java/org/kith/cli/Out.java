package org.kith.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** What commands print on stdout: plain lines, JSON for --json, and simple aligned tables. */
final class Out {
    private final PrintWriter w;

    Out(PrintWriter w) {
        this.w = w;
    }

    void line(String text) {
        w.println(text);
        w.flush();
    }

    void json(JsonNode node) {
        line(Json.pretty(node));
    }

    /**
     * Rows under a header, columns padded to the widest cell. Put free text (names, which may be
     * wide CJK characters) in the last column, where padding does not matter.
     */
    void table(List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        int[] width = new int[header.size()];
        for (List<String> row : all) {
            for (int i = 0; i < row.size() - 1; i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        for (List<String> row : all) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                sb.append(cell);
                if (i < row.size() - 1) {
                    sb.append(" ".repeat(width[i] - cell.length() + 2));
                }
            }
            line(sb.toString().stripTrailing());
        }
    }
}
