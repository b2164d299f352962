package dev.gatehouse.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.gatehouse.application.port.out.StorageUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class PgSqlTranslationTest {
    @Test
    void connectionFailuresBecomeStorageUnavailable() {
        assertInstanceOf(StorageUnavailableException.class,
                PgSql.translate(new RuntimeException(new SQLException("refused", "08001"))));
        assertInstanceOf(StorageUnavailableException.class,
                PgSql.translate(new RuntimeException(new SQLException("terminating connection", "57P01"))));
        assertInstanceOf(StorageUnavailableException.class,
                PgSql.translate(new RuntimeException(new SQLTransientConnectionException("pool timeout"))));
        // Hikari's closed proxy, hit when a transaction completes on a connection that broke under it.
        assertInstanceOf(StorageUnavailableException.class,
                PgSql.translate(new RuntimeException("Could not set JDBC Connection read-only", new SQLException("Connection is closed"))));
    }

    @Test
    void uniqueViolationsAreNamedAndOtherErrorsPassThrough() {
        assertInstanceOf(PgSql.UniqueViolation.class,
                PgSql.translate(new RuntimeException(new SQLException("duplicate key", "23505"))));
        RuntimeException syntax = new RuntimeException(new SQLException("syntax error", "42601"));
        assertSame(syntax, PgSql.translate(syntax));
    }
}
