package dev.gatehouse.application.fakes;

/** A fake store whose state can be put back, for {@link RollbackTransactions}. */
public interface Snapshottable {
    /** Captures the current state; running the returned action restores it. */
    Runnable snapshot();
}
