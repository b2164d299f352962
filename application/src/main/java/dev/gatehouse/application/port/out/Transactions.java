package dev.gatehouse.application.port.out;

import java.util.function.Supplier;

/**
 * The transaction boundary. Use cases wrap their writes in it: all of the work commits, or none of
 * it does. Any exception thrown by the work rolls everything back; outcomes that must be committed
 * even though the caller is refused (a revoked token family) are returned, not thrown.
 */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
