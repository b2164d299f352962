package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.Transactions;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.function.Supplier;

/** The use cases' transaction boundary on the default datasource. */
@Singleton
public final class JdbcTransactions implements Transactions {
    private final TransactionOperations<Connection> transactions;

    JdbcTransactions(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        try {
            return transactions.executeWrite(status -> work.get());
        } catch (RuntimeException e) {
            throw PgSql.translate(e);
        }
    }
}
