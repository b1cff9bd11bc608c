package org.kith.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.kith.core.model.DeadProperty;
import org.kith.core.store.BookPropertyStore;

/** The dead properties of personal books and their cards: one row per (book, resource, name). */
final class PropertyRows implements BookPropertyStore {
    /** Resources per statement: well below both databases' parameter limits. */
    private static final int RESOURCES_PER_STATEMENT = 500;
    private static final String COLS = "resource, namespace, local_name, value";
    private static final String ORDER = " ORDER BY resource, namespace, local_name";

    private final Sql sql;

    PropertyRows(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Map<String, List<DeadProperty>> all(long bookId) {
        Map<String, List<DeadProperty>> out = new LinkedHashMap<>();
        collect(out, sql.list("SELECT " + COLS + " FROM personal_properties WHERE book_id = ?" + ORDER,
                PropertyRows::row, bookId));
        return out;
    }

    @Override
    public Map<String, List<DeadProperty>> of(long bookId, Collection<String> resources) {
        if (resources.isEmpty()) {
            return Map.of();
        }
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(resources));
        Map<String, List<DeadProperty>> out = new LinkedHashMap<>();
        for (int i = 0; i < distinct.size(); i += RESOURCES_PER_STATEMENT) {
            List<String> chunk = distinct.subList(i, Math.min(distinct.size(), i + RESOURCES_PER_STATEMENT));
            List<Object> params = new ArrayList<>();
            params.add(bookId);
            params.addAll(chunk);
            collect(out, sql.list("SELECT " + COLS + " FROM personal_properties WHERE book_id = ? AND resource IN ("
                    + Sql.placeholders(chunk.size()) + ")" + ORDER, PropertyRows::row, params.toArray()));
        }
        return out;
    }

    /** One statement: insert, or replace the value of the name already set. */
    @Override
    public void set(long bookId, String resource, DeadProperty p) {
        sql.update("INSERT INTO personal_properties (book_id, resource, namespace, local_name, value) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (book_id, resource, namespace, local_name) "
                + "DO UPDATE SET value = excluded.value", bookId, resource, p.namespace(), p.name(), p.value());
    }

    @Override
    public void remove(long bookId, String resource, String namespace, String name) {
        sql.update("DELETE FROM personal_properties WHERE book_id = ? AND resource = ? AND namespace = ? "
                + "AND local_name = ?", bookId, resource, namespace, name);
    }

    @Override
    public void removeAll(long bookId, String resource) {
        sql.update("DELETE FROM personal_properties WHERE book_id = ? AND resource = ?", bookId, resource);
    }

    @Override
    public void move(long bookId, String resource, long toBookId, String toResource) {
        removeAll(toBookId, toResource);
        sql.update("UPDATE personal_properties SET book_id = ?, resource = ? WHERE book_id = ? AND resource = ?",
                toBookId, toResource, bookId, resource);
    }

    private record Row(String resource, DeadProperty property) {}

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("resource"), new DeadProperty(rs.getString("namespace"),
                rs.getString("local_name"), rs.getString("value")));
    }

    private static void collect(Map<String, List<DeadProperty>> out, List<Row> rows) {
        for (Row r : rows) {
            out.computeIfAbsent(r.resource(), k -> new ArrayList<>()).add(r.property());
        }
    }
}
