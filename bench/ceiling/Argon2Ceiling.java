import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The raw Argon2id ceiling: hashes per second with the service's parameters on all cores, through
 * the library the service ships (argon2-jvm, the reference C implementation). Run it from the
 * service's jar as a single-file program:
 *
 * <pre>java --enable-native-access=ALL-UNNAMED -cp bootstrap/target/gatehouse.jar bench/ceiling/Argon2Ceiling.java THREADS SECONDS [MEMORY_KIB ITERATIONS PARALLELISM]</pre>
 *
 * Prints one line: {@code CEILING threads=… hashes=… seconds=… hps=… single_ms=… es256_sign_us=…}.
 * The last figure, one thread signing an ES256 JWS for a second, is a speed gauge of the CPU: on a
 * shared VM the same code runs at very different speeds from one hour to the next, and this says
 * which kind of hour a run had.
 */
public class Argon2Ceiling {
    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 8;
        int memoryKib = args.length > 2 ? Integer.parseInt(args[2]) : 19456;
        int iterations = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int parallelism = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, 16, 32);
        byte[] password = "correct horse battery staple".getBytes();

        // Warm-up and a sanity check: the hash has the parameters we mean and verifies.
        String phc = argon2.hash(iterations, memoryKib, parallelism, password.clone());
        if (!phc.startsWith("$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$")
                || !argon2.verify(phc, password.clone())) {
            throw new IllegalStateException("unexpected hash " + phc);
        }

        // Speed gauge: ES256 signatures on one thread (pure arithmetic, unlike the memory-bound hash).
        ECDSASigner signer = new ECDSASigner(new ECKeyGenerator(Curve.P_256).generate());
        JWSHeader header = new JWSHeader(JWSAlgorithm.ES256);
        Payload payload = new Payload("{\"sub\":\"gauge\",\"aud\":\"gatehouse\"}");
        long gaugeStart = System.nanoTime();
        int signatures = 0;
        long measuredFrom = 0;
        int measured = 0;
        while (System.nanoTime() - gaugeStart < 1_500_000_000L) {
            new JWSObject(header, payload).sign(signer);
            signatures++;
            if (measuredFrom == 0 && System.nanoTime() - gaugeStart > 500_000_000L) {
                measuredFrom = System.nanoTime();   // the first half second warms the JIT up
                measured = signatures;
            }
        }
        double signUs = (System.nanoTime() - measuredFrom) / 1e3 / Math.max(1, signatures - measured);

        // One thread alone: the latency of one hash.
        long singleStart = System.nanoTime();
        int singleCount = 0;
        while (System.nanoTime() - singleStart < 1_500_000_000L || singleCount < 5) {
            argon2.hash(iterations, memoryKib, parallelism, password.clone());
            singleCount++;
        }
        double singleMs = (System.nanoTime() - singleStart) / 1e6 / singleCount;

        // All threads at once for the given time.
        AtomicLong hashes = new AtomicLong();
        AtomicLong lastEnd = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = Thread.ofPlatform().name("argon2-ceiling-" + i).start(() -> {
                while (System.nanoTime() < deadline) {
                    argon2.hash(iterations, memoryKib, parallelism, password.clone());
                    hashes.incrementAndGet();
                    lastEnd.accumulateAndGet(System.nanoTime(), Math::max);
                }
            });
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join();
        }
        double elapsed = (lastEnd.get() - start) / 1e9;
        System.out.printf(java.util.Locale.ROOT,
                "CEILING threads=%d hashes=%d seconds=%.3f hps=%.2f single_ms=%.2f m=%d t=%d p=%d es256_sign_us=%.1f%n",
                threads, hashes.get(), elapsed, hashes.get() / elapsed, singleMs, memoryKib, iterations, parallelism, signUs);
    }
}
