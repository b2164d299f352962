package dev.gatehouse.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * The runnable service; {@code create-admin} or {@code import-django-users} as first argument runs that
 * command instead, {@code --help} prints what there is.
 */
public final class Gatehouse {
    static final String USAGE_TEXT = Gatehouse.asInvoked("""
            Usage: java -jar gatehouse.jar [command] [options]
              (no command)          run the service (configuration from the environment: DATASOURCES_DEFAULT_URL,
                                    MICRONAUT_SERVER_PORT, AUTH_MASTER_KEY, ... see README.md and docs/operations.md)
              create-admin          create or promote an administrator (create-admin --help)
              import-django-users   import the users of a Django project (import-django-users --help)
              --help                this text""");
    /**
     * A usage text as the user ran us: {@code ./gatehouse} sets {@code -Dgatehouse.invocation=./gatehouse},
     * so its help never suggests a {@code java} that may be too old.
     */
    static String asInvoked(String usage) {
        return usage.replace("java -jar gatehouse.jar", System.getProperty("gatehouse.invocation", "java -jar gatehouse.jar"));
    }

    /** Hidden: the launcher's AOT training run (see {@link #trainAot()}). */
    static final String AOT_TRAINING = "--aot-training-run";

    private Gatehouse() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
            System.out.println(USAGE_TEXT);
            return;
        }
        if (args.length > 0 && args[0].equals("create-admin")) {
            System.exit(CreateAdminCommand.run(Arrays.asList(args).subList(1, args.length), System.in, System.out, System.err,
                    System.getenv(), Map.of()));
        }
        if (args.length > 0 && args[0].equals("import-django-users")) {
            System.exit(ImportDjangoUsersCommand.run(Arrays.asList(args).subList(1, args.length), System.out, System.err, Map.of()));
        }
        if (args.length > 0 && args[0].equals(AOT_TRAINING)) {
            System.exit(trainAot());
        }
        Micronaut.build(args).mainClass(Gatehouse.class).banner(false).start();
    }

    /**
     * One start of the whole service on a free port, a few requests, and a clean stop: what the JVM
     * records under {@code -XX:AOTCacheOutput} is then exactly the start-up path (and first requests)
     * of the real thing. No mail is dispatched, so a training run never sends anything.
     */
    private static int trainAot() {
        Map<String, Object> properties = Map.of("micronaut.server.port", -1, "auth.mail-dispatcher-enabled", "false");
        try (ApplicationContext context = Micronaut.build(new String[0]).mainClass(Gatehouse.class).banner(false).properties(properties).start()) {
            URI base = context.getBean(EmbeddedServer.class).getURI();
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            for (String path : new String[]{"/health", "/health/readiness", "/.well-known/openid-configuration",
                    "/.well-known/jwks.json", "/api/auth/me"}) {
                client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            return 0;
        } catch (Exception e) {
            System.err.println("AOT training run failed: " + e);
            return 1;
        }
    }
}
