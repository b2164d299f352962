package dev.gatehouse.bootstrap;

import dev.gatehouse.application.port.in.ImportUsersUseCase;
import dev.gatehouse.application.port.in.ImportUsersUseCase.ImportReport;
import dev.gatehouse.application.port.in.ImportUsersUseCase.ImportUsersCommand;
import dev.gatehouse.application.port.in.ImportUsersUseCase.ImportedUser;
import dev.gatehouse.application.port.in.ImportUsersUseCase.RowOutcome;
import dev.gatehouse.application.port.in.ImportUsersUseCase.Status;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar gatehouse.jar import-django-users --file users.json [--mark-verified]}: brings in the
 * accounts of a Django project from {@code manage.py dumpdata auth.user} (or a custom user model with the
 * same fields), password hashes included. Each row is imported in its own transaction; rows whose email
 * is already registered are skipped (so a re-run is harmless), invalid rows are reported and skipped.
 *
 * <p>Output: one line per row on standard output ({@code imported}, {@code present}) or standard error
 * ({@code invalid}), with the Django pk and, for imported rows, the new Gatehouse id: keep it to re-map
 * foreign keys. Never a hash. Exit 0 when no row was invalid, 1 when some were (or the import failed),
 * 2 on misuse (arguments, unreadable file, not a dumpdata array).
 */
final class ImportDjangoUsersCommand {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    private static final String USAGE_TEXT = Gatehouse.asInvoked("""
            Usage: java -jar gatehouse.jar import-django-users --file <users.json> [--mark-verified]
              Imports the accounts in the output of `python manage.py dumpdata auth.user --indent 2 > users.json`.
              Password hashes are kept (pbkdf2_sha256 and argon2 verify as they are) and upgraded to Argon2id at
              each user's next login. is_superuser becomes the role admin; is_active, names, date_joined and
              last_login are kept. Rows whose email is already registered are skipped; so are invalid rows.
              --mark-verified  mark every imported email address as verified
              Uses the server's datasource settings (DATASOURCES_DEFAULT_URL, ...).""");

    private ImportDjangoUsersCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err, Map<String, Object> extraProperties) {
        String file = null;
        boolean markVerified = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                out.println(USAGE_TEXT);
                return OK;
            } else if (arg.equals("--file") && i + 1 < args.size()) {
                file = args.get(++i);
            } else if (arg.startsWith("--file=")) {
                file = arg.substring("--file=".length());
            } else if (arg.equals("--mark-verified")) {
                markVerified = true;
            } else {
                err.println("import-django-users: unexpected argument '" + arg + "'\n" + USAGE_TEXT);
                return USAGE;
            }
        }
        if (file == null || file.isBlank()) {
            err.println("import-django-users: --file is required\n" + USAGE_TEXT);
            return USAGE;
        }
        Path path = Path.of(file);
        byte[] content;
        try {
            content = Files.readAllBytes(path);
        } catch (IOException | SecurityException e) {
            err.println("import-django-users: cannot read " + path + ": " + e.getMessage());
            return USAGE;
        }

        Map<String, Object> properties = new HashMap<>(extraProperties);
        properties.put("auth.mail-dispatcher-enabled", "false"); // a command, not a server: no background work
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).deduceEnvironment(false).start()) {
            List<Map<String, Object>> objects;
            try {
                objects = context.getBean(JsonMapper.class).readValue(content, Argument.listOf(Argument.mapOf(String.class, Object.class)));
            } catch (IOException | RuntimeException e) {
                err.println("import-django-users: " + path + " is not the JSON array `manage.py dumpdata auth.user` writes");
                return USAGE;
            }
            if (objects == null) {
                err.println("import-django-users: " + path + " is empty");
                return USAGE;
            }
            List<ImportedUser> rows = new ArrayList<>();
            List<RowOutcome> unreadable = new ArrayList<>();
            int ignored = 0;
            for (Map<String, Object> object : objects) {
                if (object == null || !(object.get("fields") instanceof Map<?, ?> fields) || !fields.containsKey("password")) {
                    ignored++;
                    continue;
                }
                String source = "pk=" + (object.get("pk") == null ? "?" : object.get("pk"));
                try {
                    rows.add(row(source, fields));
                } catch (IllegalArgumentException e) {
                    unreadable.add(new RowOutcome(source, text(fields.get("email")), Status.INVALID, null, e.getMessage()));
                }
            }
            ImportReport report = context.getBean(ImportUsersUseCase.class).importUsers(new ImportUsersCommand(rows, markVerified));
            List<RowOutcome> outcomes = new ArrayList<>(report.rows());
            outcomes.addAll(unreadable);
            int resetNeeded = 0;
            for (int i = 0; i < outcomes.size(); i++) {
                RowOutcome o = outcomes.get(i);
                switch (o.status()) {
                    case IMPORTED -> {
                        out.println("imported " + o.source() + " " + o.email() + " -> " + o.userId());
                        if (i < rows.size() && !verifiable(rows.get(i).passwordHash())) {
                            resetNeeded++;
                            out.println("  note: " + o.email() + " has no password Gatehouse can check ("
                                    + algorithm(rows.get(i).passwordHash()) + "); they must reset it");
                        }
                    }
                    case ALREADY_PRESENT -> out.println("present  " + o.source() + " " + o.email() + ": " + o.reason() + ", skipped");
                    case INVALID -> err.println("invalid  " + o.source() + " " + o.email() + ": " + o.reason() + ", skipped");
                }
            }
            long invalid = outcomes.stream().filter(o -> o.status() == Status.INVALID).count();
            out.println("import-django-users: " + report.count(Status.IMPORTED) + " imported, "
                    + report.count(Status.ALREADY_PRESENT) + " already present, " + invalid + " invalid"
                    + (ignored > 0 ? ", " + ignored + " object(s) without fields.password ignored" : "")
                    + (resetNeeded > 0 ? "; " + resetNeeded + " must reset their password" : ""));
            return invalid == 0 ? OK : FAILED;
        } catch (RuntimeException e) {
            err.println("import-django-users: failed: " + CreateAdminCommand.explain(e));
            return FAILED;
        }
    }

    private static ImportedUser row(String source, Map<?, ?> fields) {
        return new ImportedUser(source, text(fields.get("email")), text(fields.get("username")), text(fields.get("password")),
                text(fields.get("first_name")), text(fields.get("last_name")), flag(fields.get("is_active"), true),
                flag(fields.get("is_superuser"), false), time("date_joined", fields.get("date_joined")),
                time("last_login", fields.get("last_login")));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static boolean flag(Object value, boolean otherwise) {
        return value instanceof Boolean b ? b : otherwise;
    }

    /**
     * Django writes {@code 2024-05-01T12:34:56.789Z} (USE_TZ on) or a naive {@code 2024-05-01T12:34:56.789}
     * (USE_TZ off), which is taken as UTC.
     */
    static Instant time(String field, Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String s = value.toString().strip();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException offsetMissing) {
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(field + ": not a date and time");
            }
        }
    }

    /** Hashes Gatehouse can verify: everything else imports, but never verifies until a reset. */
    private static boolean verifiable(String hash) {
        return hash != null && (dev.gatehouse.adapter.out.crypto.DjangoPbkdf2Verifier.isSupported(hash)
                || hash.startsWith("argon2$argon2id$") || hash.startsWith("$argon2id$"));
    }

    private static String algorithm(String hash) {
        if (hash == null || hash.isEmpty()) {
            return "none";
        }
        if (hash.startsWith("!")) {
            return "an unusable password";
        }
        int dollar = hash.indexOf('$');
        String name = dollar < 0 ? "unknown" : hash.substring(0, dollar);
        return "algorithm " + (name.length() > 32 || !name.matches("[a-z0-9_]*") ? "unknown" : name);
    }
}
