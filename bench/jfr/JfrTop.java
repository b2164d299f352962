import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU goes in a JFR recording, in a few lines: execution samples by component (the first
 * library frame from the top of the stack), the hottest methods by self time, the hottest
 * non-trivial methods by inclusive time, GC pauses and the JVM's share of the CPU.
 *
 * <pre>java bench/jfr/JfrTop.java recording.jfr [TOP]</pre>
 */
public class JfrTop {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> components = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        int samples = 0;
        int gcCount = 0;
        double gcPauseMs = 0;
        double jvmCpu = 0;
        double machineCpu = 0;
        int cpuEvents = 0;
        long allocated = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            switch (e.getEventType().getName()) {
                case "jdk.ExecutionSample" -> {
                    RecordedStackTrace st = e.getStackTrace();
                    if (st == null || st.getFrames().isEmpty()) {
                        continue;
                    }
                    samples++;
                    List<RecordedFrame> frames = st.getFrames();
                    self.merge(name(frames.getFirst()), 1, Integer::sum);
                    Set<String> seen = new HashSet<>();
                    for (RecordedFrame f : frames) {
                        if (f.isJavaFrame() && seen.add(name(f))) {
                            inclusive.merge(name(f), 1, Integer::sum);
                        }
                    }
                    components.merge(component(frames), 1, Integer::sum);
                    var thread = e.getThread("sampledThread");
                    String tn = thread == null ? "?" : thread.isVirtual() ? "(virtual threads)"
                            : String.valueOf(thread.getJavaName()).replaceAll("-?\\d+$", "-N");
                    threads.merge(tn, 1, Integer::sum);
                }
                case "jdk.GarbageCollection" -> {
                    gcCount++;
                    gcPauseMs += e.getDuration("sumOfPauses").toNanos() / 1e6;
                }
                case "jdk.CPULoad" -> {
                    jvmCpu += e.getFloat("jvmUser") + e.getFloat("jvmSystem");
                    machineCpu += e.getFloat("machineTotal");
                    cpuEvents++;
                }
                case "jdk.ObjectAllocationSample" -> allocated += e.getLong("weight");
                default -> {
                }
            }
        }
        System.out.printf("samples %d; GC %d collections, %.0f ms paused; allocation (sampled weight) %.0f MiB%n",
                samples, gcCount, gcPauseMs, allocated / 1048576.0);
        if (cpuEvents > 0) {
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf("CPU: JVM %.0f %%, machine %.0f %% of %d cores (mean of jdk.CPULoad)%n",
                    100 * jvmCpu / cpuEvents, 100 * machineCpu / cpuEvents, cores);
        }
        print("by component (first library frame from the top)", components, samples, top);
        print("by thread", threads, samples, 6);
        print("hot methods, self", self, samples, top);
        Map<String, Integer> interesting = new HashMap<>();
        for (var entry : inclusive.entrySet()) {
            if (entry.getValue() < samples * 0.9 && entry.getValue() >= samples * 0.03) {
                interesting.put(entry.getKey(), entry.getValue());
            }
        }
        print("hot methods, inclusive (3-90 % of samples)", interesting, samples, top + 10);
    }

    private static void print(String title, Map<String, Integer> counts, int total, int top) {
        System.out.println("-- " + title);
        List<Map.Entry<String, Integer>> list = new ArrayList<>(counts.entrySet());
        list.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        for (var entry : list.subList(0, Math.min(top, list.size()))) {
            System.out.printf("  %5.1f %%  %s%n", 100.0 * entry.getValue() / Math.max(1, total), entry.getKey());
        }
    }

    private static String name(RecordedFrame f) {
        RecordedMethod m = f.getMethod();
        String type = m.getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + m.getName() + (f.isJavaFrame() ? "" : " (native)");
    }

    /** The library that asked for this work: the first frame, from the top, outside the plain JDK. */
    private static String component(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            String c = classify(type);
            if (c != null) {
                return c;
            }
        }
        return "JDK (other)";
    }

    private static String classify(String type) {
        if (type.startsWith("sun.security.") || type.startsWith("com.sun.crypto.") || type.startsWith("com.nimbusds.")
                || type.startsWith("javax.crypto.") || type.startsWith("java.security.")) {
            return "crypto (JCA, Nimbus JOSE)";
        }
        if (type.startsWith("com.sun.jna.") || type.startsWith("de.mkammerer.")) {
            return "Argon2 (JNA)";
        }
        if (type.startsWith("org.postgresql.")) {
            return "PostgreSQL JDBC driver";
        }
        if (type.startsWith("com.zaxxer.hikari.")) {
            return "Hikari pool";
        }
        if (type.startsWith("io.micronaut.serde.") || type.startsWith("com.fasterxml.jackson.")) {
            return "JSON (micronaut-serde, Jackson)";
        }
        if (type.startsWith("io.netty.")) {
            return "Netty";
        }
        if (type.startsWith("io.micronaut.http.") || type.startsWith("io.micronaut.web.")) {
            return "Micronaut HTTP";
        }
        if (type.startsWith("io.micronaut.data.") || type.startsWith("io.micronaut.transaction.")
                || type.startsWith("io.micronaut.jdbc.")) {
            return "Micronaut Data / transactions";
        }
        if (type.startsWith("io.micronaut.")) {
            return "Micronaut (other)";
        }
        if (type.startsWith("io.micrometer.")) {
            return "Micrometer";
        }
        if (type.startsWith("ch.qos.logback.") || type.startsWith("org.slf4j.")) {
            return "logging";
        }
        if (type.startsWith("dev.gatehouse.")) {
            return "Gatehouse code";
        }
        if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.") || type.startsWith("javax.")) {
            return null;
        }
        return type.substring(0, Math.max(0, type.indexOf('.', type.indexOf('.') + 1)));
    }
}
