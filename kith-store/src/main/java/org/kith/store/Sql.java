package org.kith.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * JDBC on one connection inside one transaction: binds parameters, maps rows and turns every
 * {@link SQLException} into a {@link StoreException}. After any failure the transaction is
 * doomed ({@link #failed()}): PostgreSQL would refuse further statements anyway, and committing
 * half of a mutation on SQLite would break "one transaction per mutation".
 */
final class Sql {
    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final Connection c;
    private final Dialect dialect;
    private SQLException failure;
    private String lastStatement;
    private Object[] lastParams;

    Sql(Connection c, Dialect dialect) {
        this.c = c;
        this.dialect = dialect;
    }

    Dialect dialect() {
        return dialect;
    }

    /** The first database error of this transaction, or null. */
    SQLException failed() {
        return failure;
    }

    <T> List<T> list(String sql, Row<T> row, Object... params) {
        try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row.map(rs));
            }
            return out;
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    <T> Optional<T> one(String sql, Row<T> row, Object... params) {
        List<T> rows = list(sql, row, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** The first column of the first row as a number; 0 when there is no row or it is NULL. */
    long number(String sql, Object... params) {
        return one(sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the number of rows it touched. */
    int update(String sql, Object... params) {
        try (PreparedStatement ps = prepare(sql, params)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /** Runs an INSERT and returns the generated {@code id}. */
    long insertId(String insert, Object... params) {
        return one(insert + " RETURNING id", rs -> rs.getLong(1), params)
                .orElseThrow(() -> new StoreException("no id returned by: " + firstLine(insert)));
    }

    /**
     * Runs an INSERT unless it would violate a unique constraint; returns the new id, or empty.
     * ON CONFLICT DO NOTHING (both databases) keeps the violation out of the transaction: no
     * error, so no savepoint and nothing for the driver to throw.
     */
    Optional<Long> insertIdIfAbsent(String insert, Object... params) {
        return one(insert + " ON CONFLICT DO NOTHING RETURNING id", rs -> rs.getLong(1), params);
    }

    /** Like {@link #insertIdIfAbsent} for tables without an id: false if the row was already there. */
    boolean insertIfAbsent(String insert, Object... params) {
        return update(insert + " ON CONFLICT DO NOTHING", params) > 0;
    }

    /** The last statement prepared and its parameters: lets this package's tests check query plans. */
    String lastStatement() {
        return lastStatement;
    }

    Object[] lastParams() {
        return lastParams.clone();
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        lastStatement = sql;
        lastParams = params;
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                bind(ps, i + 1, params[i]);
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.NULL);
        } else if (value instanceof Long l) {
            ps.setLong(index, l);
        } else if (value instanceof Integer n) {
            ps.setInt(index, n);
        } else if (value instanceof String s) {
            ps.setString(index, s);
        } else if (value instanceof Instant instant) {
            ps.setLong(index, instant.toEpochMilli()); // times are epoch milliseconds in both databases
        } else if (value instanceof Boolean b) {
            ps.setInt(index, b ? 1 : 0); // booleans are INTEGER 0/1 in both databases
        } else {
            throw new IllegalArgumentException("cannot bind a " + value.getClass().getName());
        }
    }

    private StoreException failure(String sql, SQLException e) {
        if (failure == null) {
            failure = e;
        }
        // the statement, never the bound values: they may be password hashes or cards
        return new StoreException("database error in '" + firstLine(sql) + "': " + e.getMessage(), e);
    }

    private static String firstLine(String sql) {
        String line = sql.strip().split("\n")[0];
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }

    // ---- column readers ---------------------------------------------------------------------

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /** "?, ?, ?" for {@code n} parameters ({@code n} > 0: an empty IN () is not SQL). */
    static String placeholders(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("an IN list needs at least one value");
        }
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
