package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.StorageUnavailableException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The few JDBC moves the repositories make, with one translation of failures: a database that
 * cannot be reached becomes {@link StorageUnavailableException} (the REST adapter answers 503),
 * a broken unique index becomes {@link UniqueViolation} for the repository to name.
 */
@Singleton
final class PgSql {
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** A unique index said no; {@code constraint} names it. */
    static final class UniqueViolation extends RuntimeException {
        final String constraint;

        UniqueViolation(String constraint) {
            super(constraint, null, false, false);
            this.constraint = constraint == null ? "" : constraint;
        }
    }

    private final JdbcOperations jdbc;

    PgSql(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    <T> Optional<T> one(String sql, Binder binder, RowMapper<T> mapper) {
        return Optional.ofNullable(run(sql, ps -> {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? mapper.map(rs) : null;
            }
        }));
    }

    <T> List<T> list(String sql, Binder binder, RowMapper<T> mapper) {
        return run(sql, ps -> {
            binder.bind(ps);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        });
    }

    int update(String sql, Binder binder) {
        return run(sql, ps -> {
            binder.bind(ps);
            return ps.executeUpdate();
        });
    }

    private <T> T run(String sql, io.micronaut.data.jdbc.runtime.PreparedStatementCallback<T> work) {
        try {
            // execute() joins the current transaction's connection, or opens one for this statement alone.
            return jdbc.execute(connection -> {
                try (PreparedStatement ps = connection.prepareStatement(sql)) {
                    return work.call(ps);
                }
            });
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    /** Maps a failure from the JDBC stack onto what the application understands. */
    static RuntimeException translate(RuntimeException e) {
        if (e instanceof StorageUnavailableException || e instanceof UniqueViolation) {
            return e;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                if ("23505".equals(state)) {
                    return new UniqueViolation(constraintOf(sql));
                }
                if (isUnavailable(sql, state)) {
                    return new StorageUnavailableException("database unavailable (SQLState " + state + ")", e);
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return e;
    }

    private static boolean isUnavailable(SQLException sql, String state) {
        // 08: connection exceptions; 57P0x: server shutting down; 53300: too many connections;
        // a Hikari timeout has no state but is a SQLTransientConnectionException. Hikari's closed proxy
        // (a connection the pool evicted when it broke, mid-transaction) throws without a state either:
        // the transaction's completion then fails on it, and that is an outage, not a bug.
        String message = sql.getMessage() == null ? "" : sql.getMessage();
        return sql instanceof SQLTransientConnectionException || state.startsWith("08") || state.startsWith("57P")
                || "53300".equals(state) || (state.isEmpty()
                && (message.contains("Connection is not available") || message.equals("Connection is closed")));
    }

    private static String constraintOf(SQLException sql) {
        if (sql instanceof org.postgresql.util.PSQLException pg && pg.getServerErrorMessage() != null) {
            return pg.getServerErrorMessage().getConstraint();
        }
        return sql.getMessage();
    }

    static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        ps.setObject(index, instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

}
