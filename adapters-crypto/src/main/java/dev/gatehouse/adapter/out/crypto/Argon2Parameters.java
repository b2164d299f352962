package dev.gatehouse.adapter.out.crypto;

/**
 * Argon2id cost. OWASP's minimum (19 MiB, 2 passes, 1 lane) is the floor; configuration may raise
 * it, never lower it.
 *
 * @param concurrency how many hashes may run at once; each holds {@code memoryKib} of native memory
 */
public record Argon2Parameters(int memoryKib, int iterations, int parallelism, int concurrency) {
    public static final int MIN_MEMORY_KIB = 19 * 1024;
    public static final int MIN_ITERATIONS = 2;

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
    }

    public static Argon2Parameters owaspMinimum(int concurrency) {
        return new Argon2Parameters(MIN_MEMORY_KIB, MIN_ITERATIONS, 1, concurrency);
    }
}
