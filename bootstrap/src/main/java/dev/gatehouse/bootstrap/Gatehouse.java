package dev.gatehouse.bootstrap;

import io.micronaut.runtime.Micronaut;
import java.util.Arrays;
import java.util.Map;

/**
 * The runnable service; {@code create-admin} or {@code import-django-users} as first argument runs that
 * command instead.
 */
public final class Gatehouse {
    private Gatehouse() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("create-admin")) {
            System.exit(CreateAdminCommand.run(Arrays.asList(args).subList(1, args.length), System.in, System.out, System.err,
                    System.getenv(), Map.of()));
        }
        if (args.length > 0 && args[0].equals("import-django-users")) {
            System.exit(ImportDjangoUsersCommand.run(Arrays.asList(args).subList(1, args.length), System.out, System.err, Map.of()));
        }
        Micronaut.build(args).mainClass(Gatehouse.class).banner(false).start();
    }
}
