package dev.gatehouse.application.fakes;

import java.util.List;
import java.util.function.Supplier;

/** Like a database: when the work throws, every store is put back as it was when the work began. */
public final class RollbackTransactions extends FakeTransactions {
    private final List<Snapshottable> stores;
    public int rolledBack;

    public RollbackTransactions(Snapshottable... stores) {
        this.stores = List.of(stores);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        List<Runnable> restores = stores.stream().map(Snapshottable::snapshot).toList();
        try {
            return super.inTransaction(work);
        } catch (RuntimeException e) {
            restores.forEach(Runnable::run);
            rolledBack++;
            throw e;
        }
    }
}
