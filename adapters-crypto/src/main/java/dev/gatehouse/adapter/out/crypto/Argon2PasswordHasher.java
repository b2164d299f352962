package dev.gatehouse.adapter.out.crypto;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import dev.gatehouse.application.port.out.PasswordHasher;
import dev.gatehouse.application.port.out.PasswordHasherBusyException;
import dev.gatehouse.domain.user.PasswordHash;
import dev.gatehouse.domain.user.PlainPassword;
import jakarta.annotation.PreDestroy;
import io.micronaut.context.annotation.Context;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Argon2id through the reference C implementation (argon2-jvm, JNA), writing PHC strings.
 *
 * <p>Hashes run on a small pool of platform threads, as many as the configured concurrency: a
 * native call would pin a virtual thread's carrier for its 25 ms, and an unbounded number of
 * concurrent hashes would each hold 19 MiB of native memory. Callers on virtual threads simply
 * park until their hash is done.
 *
 * <p>The queue in front of the pool is bounded ({@link Argon2Parameters#queueLimit()}, by default about a
 * second of work): under a flood of logins an unbounded queue makes every caller, real users included,
 * wait for all the work ahead of it. A hash that finds the queue full is refused at once with
 * {@link PasswordHasherBusyException} (503 with Retry-After at the edge) and costs nothing.
 *
 * <p>Hashes imported from Django are verified too, on the same pool: {@code pbkdf2_sha256$…} through
 * {@link DjangoPbkdf2Verifier}, and Django's Argon2id encoding ({@code argon2$argon2id$…}, a PHC string behind
 * Django's algorithm name) by argon2-jvm. {@link #needsRehash} is true for both, so the login that proves
 * the password replaces them with this hasher's own Argon2id. Any other stored format (an unusable Django
 * password {@code !…}, an algorithm not supported here) never verifies, and costs the dummy's time.
 */
// Created at start-up, not on first use: a wrong master key or a broken native library should stop
// the service before it takes traffic, and the first login should not pay for set-up.
@Context
public final class Argon2PasswordHasher implements PasswordHasher {
    private static final Logger LOG = LoggerFactory.getLogger(Argon2PasswordHasher.class);
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    /** Django's Argon2PasswordHasher writes its algorithm name in front of argon2-cffi's PHC string. */
    private static final String DJANGO_ARGON2_PREFIX = "argon2$argon2id$";

    private final Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, SALT_BYTES, HASH_BYTES);
    private final DjangoPbkdf2Verifier pbkdf2 = new DjangoPbkdf2Verifier();
    private final Argon2Parameters parameters;
    private final ThreadPoolExecutor pool;
    private final Semaphore slots;
    /** A slot taken by {@link #withCapacity} for the first hash its work asks for. */
    private final ThreadLocal<Boolean> reserved = ThreadLocal.withInitial(() -> false);
    private final String dummyHash;
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    public Argon2PasswordHasher(Argon2Parameters parameters) {
        this.parameters = parameters;
        AtomicInteger count = new AtomicInteger();
        // Admission is the semaphore's: at most concurrency + queueLimit hashes are ever submitted at once.
        this.slots = new Semaphore(parameters.concurrency() + parameters.queueLimit());
        BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
        this.pool = new ThreadPoolExecutor(parameters.concurrency(), parameters.concurrency(), 0, TimeUnit.MILLISECONDS,
                queue, r -> {
                    Thread t = new Thread(r, "argon2-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.pool.prestartAllCoreThreads();
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        // A hash nobody knows the password of, with the configured cost: unknown accounts verify against it.
        this.dummyHash = hashBytes(HexFormat.of().formatHex(random).getBytes());
    }

    @Override
    public PasswordHash hash(PlainPassword password) {
        return new PasswordHash(hashBytes(password.utf8()));
    }

    private String hashBytes(byte[] secret) {
        return onPool(() -> {
            try {
                return argon2.hash(parameters.iterations(), parameters.memoryKib(), parameters.parallelism(), secret);
            } finally {
                argon2.wipeArray(secret);
            }
        });
    }

    @Override
    public boolean verify(PasswordHash hash, PlainPassword password) {
        return verifyBytes(hash.phc(), password.utf8());
    }

    private boolean verifyBytes(String stored, byte[] secret) {
        if (stored.startsWith(DjangoPbkdf2Verifier.PREFIX)) {
            return onPool(() -> {
                try {
                    return pbkdf2.verify(stored, secret);
                } finally {
                    argon2.wipeArray(secret);
                }
            });
        }
        String phc = stored.startsWith(DJANGO_ARGON2_PREFIX) ? stored.substring("argon2".length()) : stored;
        if (!phc.startsWith("$argon2")) {
            // Nothing we can check: spend the time a check would take, so the format does not show.
            argon2.wipeArray(secret);
            verifyBytes(dummyHash, new byte[] {0});
            return false;
        }
        return onPool(() -> {
            try {
                return argon2.verify(phc, secret);
            } finally {
                argon2.wipeArray(secret);
            }
        });
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        if (!hash.phc().startsWith("$argon2id$")) {
            return true;
        }
        return argon2.needsRehash(hash.phc(), parameters.iterations(), parameters.memoryKib(), parameters.parallelism());
    }

    @Override
    public boolean verifyAgainstDummy(PlainPassword password) {
        verifyBytes(dummyHash, password.utf8());
        return false;
    }

    public Argon2Parameters parameters() {
        return parameters;
    }

    @Override
    public <T> T withCapacity(Supplier<T> work) {
        if (reserved.get()) {
            return work.get();
        }
        if (!slots.tryAcquire()) {
            throw busy();
        }
        reserved.set(true);
        try {
            return work.get();
        } finally {
            if (reserved.get()) {
                slots.release(); // work asked for no hash
            }
            reserved.remove();
        }
    }

    /** How many hashes were refused since start (for the log and tests). */
    public long refusedCount() {
        return refused.get();
    }

    // Package-private: tests occupy the pool with work of their own to saturate it deterministically.
    <T> T onPool(Callable<T> work) {
        if (reserved.get()) {
            reserved.set(false); // this hash uses the slot withCapacity took
        } else if (!slots.tryAcquire()) {
            throw busy();
        }
        // Released once: when the work ends, or when it is cancelled before it ever ran.
        java.util.concurrent.atomic.AtomicBoolean held = new java.util.concurrent.atomic.AtomicBoolean(true);
        Runnable release = () -> {
            if (held.compareAndSet(true, false)) {
                slots.release();
            }
        };
        Future<T> future;
        try {
            future = pool.submit(() -> {
                try {
                    return work.call();
                } finally {
                    release.run();
                }
            });
        } catch (RejectedExecutionException e) {
            release.run();
            throw new IllegalStateException("the Argon2 pool is shut down", e);
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            if (future.cancel(true)) {
                release.run();
            }
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Argon2 failed", e.getCause());
        }
    }

    int queued() {
        return pool.getQueue().size();
    }

    int running() {
        return pool.getActiveCount();
    }

    private PasswordHasherBusyException busy() {
        long total = refused.incrementAndGet();
        long now = System.nanoTime();
        long last = lastWarning.get();
        // Once a minute at most: a flood refused here must not turn into a flood of log lines.
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            LOG.warn("Password hashing saturated ({} running, {} queued, limit AUTH_ARGON2_QUEUE_LIMIT={}): refusing with 503; "
                    + "{} refused since start", pool.getActiveCount(), pool.getQueue().size(), parameters.queueLimit(), total);
        }
        return new PasswordHasherBusyException("password hashing is saturated");
    }

    @PreDestroy
    void close() {
        pool.shutdownNow();
    }
}
