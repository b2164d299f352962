package dev.gatehouse.adapter.out.crypto;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.application.port.out.PasswordHasherBusyException;
import dev.gatehouse.domain.user.PasswordHash;
import dev.gatehouse.domain.user.PlainPassword;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A saturated hasher refuses at once. The pool is saturated deterministically: its only thread and its
 * only queue slot are taken by work that waits on a latch, so the refusal cannot depend on timing.
 */
class Argon2QueueLimitTest {
    private static final PlainPassword PASSWORD = PlainPassword.of("correct horse battery staple");

    @Test
    void aFullQueueRefusesEveryHashAtOnceAndAdmitsAgainWhenItDrains() throws Exception {
        Argon2PasswordHasher hasher = new Argon2PasswordHasher(new Argon2Parameters(Argon2Parameters.MIN_MEMORY_KIB, 2, 1, 1, 1));
        PasswordHash stored = hasher.hash(PASSWORD);
        CountDownLatch release = new CountDownLatch(1);
        try {
            Thread running = Thread.ofVirtual().start(() -> hasher.onPool(() -> { release.await(); return null; }));
            await(() -> hasher.running() == 1);
            Thread queued = Thread.ofVirtual().start(() -> hasher.onPool(() -> { release.await(); return null; }));
            await(() -> hasher.queued() == 1);

            assertThrows(PasswordHasherBusyException.class, () -> hasher.withCapacity(() -> "nothing reserved"));
            assertThrows(PasswordHasherBusyException.class, () -> hasher.hash(PASSWORD));
            assertThrows(PasswordHasherBusyException.class, () -> hasher.verify(stored, PASSWORD));
            assertThrows(PasswordHasherBusyException.class, () -> hasher.verifyAgainstDummy(PASSWORD));
            assertEquals(4, hasher.refusedCount());
            assertEquals(1, hasher.queued(), "a refusal queues nothing");

            release.countDown();
            running.join();
            queued.join();
            assertDoesNotThrow(() -> hasher.withCapacity(() -> null));
            assertTrue(hasher.verify(stored, PASSWORD), "admitted again once the queue drained");
        } finally {
            release.countDown();
            hasher.close();
        }
    }

    @Test
    void aReservedHashIsAdmittedWhileOthersAreRefused() throws Exception {
        Argon2PasswordHasher hasher = new Argon2PasswordHasher(new Argon2Parameters(Argon2Parameters.MIN_MEMORY_KIB, 2, 1, 1, 1));
        PasswordHash stored = hasher.hash(PASSWORD);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch reservedNow = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean verified = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            Thread running = Thread.ofVirtual().start(() -> hasher.onPool(() -> { release.await(); return null; }));
            await(() -> hasher.running() == 1);
            // The last slot, reserved: the check that follows inside cannot be refused any more.
            Thread reserver = Thread.ofVirtual().start(() -> verified.set(hasher.withCapacity(() -> {
                reservedNow.countDown();
                awaitQuietly(proceed);
                return hasher.verify(stored, PASSWORD);
            })));
            reservedNow.await();
            assertThrows(PasswordHasherBusyException.class, () -> hasher.hash(PASSWORD), "no slot left for anyone else");
            proceed.countDown();
            await(() -> hasher.queued() == 1);
            release.countDown();
            running.join();
            reserver.join();
            assertTrue(verified.get(), "the reserved check ran");
            assertEquals(1, hasher.refusedCount());
        } finally {
            release.countDown();
            proceed.countDown();
            hasher.close();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theDefaultQueueIsAboutASecondOfWork() {
        assertEquals(32, Argon2Parameters.owaspMinimum(2).queueLimit());
        assertThrows(IllegalArgumentException.class, () -> new Argon2Parameters(Argon2Parameters.MIN_MEMORY_KIB, 2, 1, 1, 0));
    }

    /** Waits for a state of the pool (not for time): the test threads above get there by themselves. */
    private static void await(BooleanSupplier state) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!state.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the pool never reached the expected state");
            }
            Thread.sleep(1);
        }
    }
}
