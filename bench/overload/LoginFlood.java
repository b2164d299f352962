import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A login flood against a running Gatehouse: CLIENTS closed-loop clients, each logging in again as soon as
 * its last answer came, for SECONDS, while one prober asks GET /health every 50 ms. Single-file program:
 *
 * <pre>java bench/overload/LoginFlood.java BASE_URL CLIENTS SECONDS USERS PASSWORD [seed]</pre>
 *
 * With "seed" it first registers bench-0001…bench-USERS@example.com (4 at a time). Prints one line:
 * {@code FLOOD clients=… seconds=… admitted=… admitted_rps=… admitted_p50_ms=… admitted_p99_ms=… refused=…
 * refused_p99_ms=… retry_after=… other=… errors=… health=… health_p50_ms=… health_p99_ms=… health_max_ms=…}.
 * "admitted" are 200s (the hash ran), "refused" 503s (the hashing queue was full), "other" any other status.
 * A refused client waits Retry-After before its next try, as a well-behaved client does
 * (BENCH_HONOUR_RETRY_AFTER=0: it retries at once).
 */
public class LoginFlood {
    /** BENCH_HONOUR_RETRY_AFTER=0: a refused client retries at once instead of waiting Retry-After. */
    private static final boolean HONOUR_RETRY_AFTER = !"0".equals(System.getenv("BENCH_HONOUR_RETRY_AFTER"));
    public static void main(String[] args) throws Exception {
        String base = args[0];
        int clients = Integer.parseInt(args[1]);
        double seconds = Double.parseDouble(args[2]);
        int users = Integer.parseInt(args[3]);
        String password = args[4];
        boolean seed = args.length > 5 && args[5].equals("seed");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        if (seed) {
            seed(http, base, users, password);
        }

        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<Long> admitted = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Long> refused = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Long> health = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger other = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger healthBad = new AtomicInteger();
        ConcurrentHashMap<String, AtomicInteger> retryAfter = new ConcurrentHashMap<>();
        AtomicLong next = new AtomicLong();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        long k = next.getAndIncrement() % users + 1;
                        String body = "{\"email\":\"" + email(k) + "\",\"password\":\"" + password + "\"}";
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<Void> r = http.send(post(base + "/api/auth/login", body), HttpResponse.BodyHandlers.discarding());
                            long took = System.nanoTime() - t0;
                            if (r.statusCode() == 200) {
                                admitted.add(took);
                            } else if (r.statusCode() == 503) {
                                refused.add(took);
                                String wait = r.headers().firstValue("retry-after").orElse("none");
                                retryAfter.computeIfAbsent(wait, v -> new AtomicInteger()).incrementAndGet();
                                if (HONOUR_RETRY_AFTER && wait.matches("\\d{1,3}")) {
                                    // What a well-behaved client does; without it, refused clients retry at once.
                                    Thread.sleep(Math.min(Long.parseLong(wait) * 1000, Math.max(0, (end - System.nanoTime()) / 1_000_000)));
                                }
                            } else {
                                other.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + "/health"))
                                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
                        health.add(System.nanoTime() - t0);
                        if (r.statusCode() != 200) {
                            healthBad.incrementAndGet();
                        }
                    } catch (Exception e) {
                        healthBad.incrementAndGet();
                    }
                    Thread.sleep(50);
                }
                return null;
            });
        }
        System.out.printf("FLOOD honour_retry_after=" + (HONOUR_RETRY_AFTER ? 1 : 0) + " clients=%d seconds=%.0f admitted=%d admitted_rps=%.1f admitted_p50_ms=%s admitted_p99_ms=%s "
                        + "admitted_max_ms=%s refused=%d refused_p99_ms=%s retry_after=%s other=%d errors=%d health=%d health_bad=%d "
                        + "health_p50_ms=%s health_p99_ms=%s health_max_ms=%s%n",
                clients, seconds, admitted.size(), admitted.size() / seconds, pct(admitted, 50), pct(admitted, 99),
                pct(admitted, 100), refused.size(), pct(refused, 99), retryAfter.keySet(), other.get(), errors.get(),
                health.size(), healthBad.get(), pct(health, 50), pct(health, 99), pct(health, 100));
    }

    private static void seed(HttpClient http, String base, int users, String password) throws Exception {
        AtomicInteger failed = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int k = 1; k <= users; k++) {
                long id = k;
                pool.submit(() -> {
                    String body = "{\"email\":\"" + email(id) + "\",\"password\":\"" + password + "\"}";
                    int status = http.send(post(base + "/api/auth/register", body), HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status != 201) {
                        failed.incrementAndGet();
                    }
                    return null;
                });
            }
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " of " + users + " registrations failed");
        }
    }

    private static HttpRequest post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String email(long k) {
        return String.format("bench-%04d@example.com", k);
    }

    private static String pct(List<Long> nanos, int p) {
        if (nanos.isEmpty()) {
            return "-";
        }
        long[] sorted;
        synchronized (nanos) {
            sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        }
        Arrays.sort(sorted);
        int i = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return String.format("%.1f", sorted[Math.max(0, i)] / 1e6);
    }
}
