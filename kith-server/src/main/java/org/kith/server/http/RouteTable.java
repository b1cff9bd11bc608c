package org.kith.server.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one route table: every surface's rows, looked up by decoded path and method. The first row
 * whose template fits and whose method serves the request wins, and its surface handles it;
 * every fitting row names a method for {@code Allow}. Immutable and thread-safe.
 */
final class RouteTable {
    /** A row and the surface it belongs to. */
    record Row(Route route, Surface surface) {}

    /** What a lookup found: the row (null when none serves the method), its variables, the path's methods. */
    record Match(Row row, Map<String, String> vars, List<String> allowed) {}

    private final List<Row> rows;

    RouteTable(List<Surface> surfaces) {
        List<Row> all = new ArrayList<>();
        for (Surface surface : surfaces) {
            surface.routes().forEach(route -> all.add(new Row(route, surface)));
        }
        this.rows = List.copyOf(all);
    }

    /** @param segments the decoded path, or null when it could not be decoded (it names nothing) */
    Match find(List<String> segments, String method) {
        List<String> allowed = new ArrayList<>();
        Row found = null;
        Map<String, String> vars = Map.of();
        for (Row row : segments == null ? List.<Row>of() : rows) {
            Map<String, String> m = row.route().match(segments);
            if (m == null) {
                continue;
            }
            if (!row.route().method().equals(Route.ANY) && !allowed.contains(row.route().method())) {
                allowed.add(row.route().method());
            }
            if (found == null && row.route().serves(method)) {
                found = row;
                vars = m;
            }
        }
        return new Match(found, vars, List.copyOf(allowed));
    }
}
