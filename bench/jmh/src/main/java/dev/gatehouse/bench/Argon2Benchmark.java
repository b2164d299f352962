package dev.gatehouse.bench;

import dev.gatehouse.adapter.out.crypto.Argon2Parameters;
import dev.gatehouse.adapter.out.crypto.Argon2PasswordHasher;
import dev.gatehouse.domain.user.PasswordHash;
import dev.gatehouse.domain.user.PlainPassword;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One Argon2id hash with the service's parameters (OWASP minimum: m = 19 MiB, t = 2, p = 1) through
 * the service's own hasher, which runs it on its pool (one thread here). A login's verification
 * costs the same as a hash.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class Argon2Benchmark {
    private Argon2PasswordHasher hasher;
    private PlainPassword password;
    private PasswordHash stored;

    @Setup
    public void setUp() {
        hasher = new Argon2PasswordHasher(Argon2Parameters.owaspMinimum(1));
        password = PlainPassword.of("correct horse battery staple");
        stored = hasher.hash(password);
    }

    @Benchmark
    public PasswordHash argon2idHash() {
        return hasher.hash(password);
    }

    @Benchmark
    public boolean argon2idVerify() {
        return hasher.verify(stored, password);
    }
}
