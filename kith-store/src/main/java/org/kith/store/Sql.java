package org.kith.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small JDBC helpers bound to one connection: bind parameters, map rows, turn errors into StoreException. */
class Sql {
    final Connection c;
    final Dialect dialect;

    /** Maps the current row. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    Sql(Connection c, Dialect dialect) {
        this.c = c;
        this.dialect = dialect;
    }

    <T> List<T> list(String sql, Row<T> row, Object... params) {
        try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row.map(rs));
            }
            return out;
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    <T> Optional<T> one(String sql, Row<T> row, Object... params) {
        List<T> rows = list(sql, row, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    long number(String sql, Object... params) {
        return one(sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    int update(String sql, Object... params) {
        try (PreparedStatement ps = prepare(sql, params)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** Runs an INSERT … RETURNING id. */
    long insert(String sql, Object... params) {
        return one(sql + " RETURNING id", rs -> rs.getLong(1), params).orElseThrow();
    }

    /** Like {@link #insert}, but a unique-constraint violation yields empty instead of an error. */
    Optional<Long> insertUnique(String sql, Object... params) {
        try {
            // a savepoint keeps PostgreSQL's transaction usable after the violation
            var savepoint = dialect == Dialect.POSTGRESQL ? c.setSavepoint() : null;
            try (PreparedStatement ps = prepare(sql + " RETURNING id", params); ResultSet rs = ps.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                if (savepoint != null) {
                    c.releaseSavepoint(savepoint);
                }
                return Optional.of(id);
            } catch (SQLException e) {
                if (dialect.isUniqueViolation(e)) {
                    if (savepoint != null) {
                        c.rollback(savepoint);
                    }
                    return Optional.empty();
                }
                throw e;
            }
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** An UPDATE/INSERT whose unique violation means "already there": returns false then. */
    boolean updateUnique(String sql, Object... params) {
        try {
            var savepoint = dialect == Dialect.POSTGRESQL ? c.setSavepoint() : null;
            try (PreparedStatement ps = prepare(sql, params)) {
                ps.executeUpdate();
                if (savepoint != null) {
                    c.releaseSavepoint(savepoint);
                }
                return true;
            } catch (SQLException e) {
                if (dialect.isUniqueViolation(e)) {
                    if (savepoint != null) {
                        c.rollback(savepoint);
                    }
                    return false;
                }
                throw e;
            }
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            bind(ps, i + 1, params[i]);
        }
        return ps;
    }

    private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.NULL);
        } else if (value instanceof Instant instant) {
            ps.setLong(index, instant.toEpochMilli());
        } else if (value instanceof Boolean b) {
            ps.setInt(index, b ? 1 : 0);
        } else if (value instanceof Long l) {
            ps.setLong(index, l);
        } else if (value instanceof Integer n) {
            ps.setInt(index, n);
        } else if (value instanceof String s) {
            ps.setString(index, s);
        } else {
            throw new IllegalArgumentException("cannot bind " + value.getClass());
        }
    }

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

    /** "?, ?, ?" for {@code n} parameters. */
    static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static StoreException failed(String sql, SQLException e) {
        return new StoreException("database error (" + e.getMessage() + ") in: " + sql.strip().split("\n")[0], e);
    }
}
