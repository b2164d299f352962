package dev.gatehouse.adapter.out.crypto;

/**
 * Argon2id cost. OWASP's minimum (19 MiB, 2 passes, 1 lane) is the floor; configuration may raise
 * it, never lower it.
 *
 * @param concurrency how many hashes may run at once; each holds {@code memoryKib} of native memory
 * @param queueLimit  how many hashes may wait for a free thread; beyond that a hash is refused at once
 *                    ({@code PasswordHasherBusyException}) instead of making everyone wait longer
 */
public record Argon2Parameters(int memoryKib, int iterations, int parallelism, int concurrency, int queueLimit) {
    public static final int MIN_MEMORY_KIB = 19 * 1024;
    public static final int MIN_ITERATIONS = 2;
    /**
     * Under a login flood one hashing thread finishes about 16 hashes a second at the minimum cost (25 ms
     * alone, but HTTP, PostgreSQL and the refusals share the cores: 32/s on 2 cores, docs/sizing.md): a
     * queue of 16 per thread is about one second of work, the longest a caller should wait for its hash.
     */
    public static final int QUEUE_PER_THREAD = 16;
    public static final int MAX_QUEUE_LIMIT = 100_000;

    /** The default queue: {@link #QUEUE_PER_THREAD} per thread. */
    public Argon2Parameters(int memoryKib, int iterations, int parallelism, int concurrency) {
        this(memoryKib, iterations, parallelism, concurrency, defaultQueueLimit(concurrency));
    }

    public static int defaultQueueLimit(int concurrency) {
        return QUEUE_PER_THREAD * Math.max(1, concurrency);
    }

    public Argon2Parameters {
        if (memoryKib < MIN_MEMORY_KIB || memoryKib > 1024 * 1024) {
            throw new IllegalArgumentException("Argon2 memory must be between 19 MiB and 1 GiB (in KiB), was " + memoryKib);
        }
        if (iterations < MIN_ITERATIONS || iterations > 20) {
            throw new IllegalArgumentException("Argon2 iterations must be between 2 and 20, was " + iterations);
        }
        if (parallelism < 1 || parallelism > 16) {
            throw new IllegalArgumentException("Argon2 parallelism must be between 1 and 16, was " + parallelism);
        }
        if (concurrency < 1 || concurrency > 256) {
            throw new IllegalArgumentException("Argon2 concurrency must be between 1 and 256, was " + concurrency);
        }
        // At least 1: a thread that just finished a hash is not yet waiting for the next one.
        if (queueLimit < 1 || queueLimit > MAX_QUEUE_LIMIT) {
            throw new IllegalArgumentException("Argon2 queue limit must be between 1 and " + MAX_QUEUE_LIMIT + ", was " + queueLimit);
        }
    }

    public static Argon2Parameters owaspMinimum(int concurrency) {
        return new Argon2Parameters(MIN_MEMORY_KIB, MIN_ITERATIONS, 1, concurrency);
    }
}
