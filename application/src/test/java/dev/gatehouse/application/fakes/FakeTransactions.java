package dev.gatehouse.application.fakes;

import dev.gatehouse.application.port.out.Transactions;
import java.util.function.Supplier;

/** Runs the work and counts transactions; no rollback. */
public class FakeTransactions implements Transactions {
    public int started;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        started++;
        return work.get();
    }
}
