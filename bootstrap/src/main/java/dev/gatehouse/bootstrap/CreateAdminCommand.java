package dev.gatehouse.bootstrap;

import dev.gatehouse.application.error.ValidationFailedException;
import dev.gatehouse.application.port.in.CreateAdminUseCase;
import dev.gatehouse.application.port.out.StorageUnavailableException;
import dev.gatehouse.domain.shared.InvalidValueException;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.PlainPassword;
import io.micronaut.context.ApplicationContext;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar gatehouse.jar create-admin --email admin@example.com}: the only way to the first
 * administrator. The password comes from AUTH_ADMIN_PASSWORD, else from the terminal (not echoed)
 * or standard input; the datasource is the server's. Exit 0 on success, 1 on failure, 2 on misuse.
 */
final class CreateAdminCommand {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    private static final String USAGE_TEXT = Gatehouse.asInvoked("""
            Usage: java -jar gatehouse.jar create-admin --email <address>
              Creates an administrator, or promotes the existing account with that email.
              The password is read from AUTH_ADMIN_PASSWORD, else from standard input.
              Uses the server's datasource settings (DATASOURCES_DEFAULT_URL, ...).""");

    private CreateAdminCommand() {
    }

    static int run(List<String> args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env,
                   Map<String, Object> extraProperties) {
        String email = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                out.println(USAGE_TEXT);
                return OK;
            } else if (arg.equals("--email") && i + 1 < args.size()) {
                email = args.get(++i);
            } else if (arg.startsWith("--email=")) {
                email = arg.substring("--email=".length());
            } else {
                err.println("create-admin: unexpected argument '" + arg + "'\n" + USAGE_TEXT);
                return USAGE;
            }
        }
        if (email == null) {
            err.println("create-admin: --email is required\n" + USAGE_TEXT);
            return USAGE;
        }
        EmailAddress address;
        try {
            address = EmailAddress.of(email);
        } catch (InvalidValueException e) {
            err.println("create-admin: '" + email + "' is not a valid email address");
            return USAGE;
        }
        String password = env.get("AUTH_ADMIN_PASSWORD");
        if (password == null || password.isEmpty()) {
            password = readPassword(in, out);
        }
        if (password == null || password.isEmpty()) {
            err.println("create-admin: no password: set AUTH_ADMIN_PASSWORD or type it on standard input");
            return USAGE;
        }
        Map<String, Object> properties = new HashMap<>(extraProperties);
        properties.put("auth.mail-dispatcher-enabled", "false"); // a command, not a server: no background work
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).deduceEnvironment(false).start()) {
            CreateAdminUseCase.Outcome outcome = context.getBean(CreateAdminUseCase.class)
                    .createAdmin(address, PlainPassword.of(password));
            out.println(switch (outcome) {
                case CREATED -> "create-admin: created administrator " + address;
                case PROMOTED -> "create-admin: " + address + " already had an account; it is now an administrator (password unchanged)";
                case ALREADY_ADMIN -> "create-admin: " + address + " is already an administrator";
            });
            return OK;
        } catch (ValidationFailedException e) {
            err.println("create-admin: the password is not acceptable: " + String.join(" ", e.errors().getOrDefault("password", List.of())));
            return FAILED;
        } catch (RuntimeException e) {
            err.println("create-admin: failed: " + explain(e));
            return FAILED;
        }
    }

    /** The database is the usual culprit; say so, with the driver's words (they name host and port). */
    static String explain(Throwable failure) {
        Throwable deepest = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StorageUnavailableException || t instanceof java.sql.SQLException) {
                return "the database cannot be reached (check DATASOURCES_DEFAULT_URL): " + t.getMessage();
            }
            deepest = t;
        }
        return deepest.getMessage();
    }

    private static String readPassword(InputStream in, PrintStream out) {
        Console console = System.console();
        if (console != null && in == System.in) {
            char[] typed = console.readPassword("Password for the administrator: ");
            return typed == null ? null : new String(typed);
        }
        try {
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            return null;
        }
    }
}
