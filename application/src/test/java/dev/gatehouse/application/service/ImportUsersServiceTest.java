package dev.gatehouse.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.application.fakes.FakePasswordHasher;
import dev.gatehouse.application.fakes.Fixture;
import dev.gatehouse.application.port.in.ImportUsersUseCase.ImportReport;
import dev.gatehouse.application.port.in.ImportUsersUseCase.ImportUsersCommand;
import dev.gatehouse.application.port.in.ImportUsersUseCase.ImportedUser;
import dev.gatehouse.application.port.in.ImportUsersUseCase.RowOutcome;
import dev.gatehouse.application.port.in.ImportUsersUseCase.Status;
import dev.gatehouse.application.port.in.LogInUseCase.LogInCommand;
import dev.gatehouse.application.port.in.LogInUseCase.LogInResult;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.PlainPassword;
import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ImportUsersServiceTest {
    private static final String DJANGO_HASH = "pbkdf2_sha256$600000$seasalt$7uCxJtH3zVvEqsivlVoOARKBXMBCSjTfkxjPv/s82HU=";
    private static final Instant JOINED = Instant.parse("2021-06-01T08:30:00Z");
    private static final Instant LAST_LOGIN = Instant.parse("2024-12-24T18:00:00Z");

    private final Fixture fx = new Fixture();
    private final ImportUsersService service = new ImportUsersService(fx.users, fx.transactions, fx.audit, fx.clock);

    private static ImportedUser row(String source, String email, String username, String hash) {
        return new ImportedUser(source, email, username, hash, "Ann", "Lee", true, false, JOINED, LAST_LOGIN);
    }

    private ImportReport run(boolean verified, ImportedUser... rows) {
        return service.importUsers(new ImportUsersCommand(List.of(rows), verified));
    }

    private User stored(RowOutcome outcome) {
        return fx.users.get(new UserId(UUID.fromString(outcome.userId())));
    }

    @Test
    void aDjangoUserComesInWithItsHashNamesDatesAndFlags() {
        ImportReport report = run(false, row("pk=7", "Ann@Example.com", "ann", DJANGO_HASH));

        RowOutcome outcome = report.rows().getFirst();
        assertEquals(Status.IMPORTED, outcome.status(), outcome.reason());
        assertEquals("pk=7", outcome.source());
        User ann = stored(outcome);
        assertEquals("Ann@example.com", ann.email().value());
        assertEquals("ann", ann.username().value());
        assertEquals("Ann", ann.profile().firstName());
        assertEquals("Lee", ann.profile().lastName());
        assertEquals(DJANGO_HASH, ann.passwordHash().phc(), "kept as is: the first login upgrades it");
        assertEquals(Role.VIEWER, ann.role());
        assertTrue(ann.isActive());
        assertFalse(ann.isEmailVerified());
        assertEquals(JOINED, ann.dateJoined());
        assertEquals(LAST_LOGIN, ann.lastLogin());
        assertEquals(Fixture.T0, ann.passwordChangedAt());
        assertEquals(1, fx.audit.of(AuditEvent.Type.REGISTRATION).size());
        assertEquals("imported", fx.audit.of(AuditEvent.Type.REGISTRATION).getFirst().detail());
        assertEquals(0, fx.hasher.hashCalls, "an import hashes nothing");
    }

    @Test
    void superusersBecomeAdministratorsAndInactiveAccountsStayInactive() {
        ImportReport report = run(true,
                new ImportedUser("1", "root@example.com", "root", DJANGO_HASH, null, null, true, true, null, null),
                new ImportedUser("2", "gone@example.com", "gone", DJANGO_HASH, "", "", false, false, JOINED, null));

        User root = stored(report.rows().get(0));
        assertEquals(Role.ADMIN, root.role());
        assertTrue(root.isEmailVerified(), "verified on request");
        assertEquals(Fixture.T0, root.dateJoined(), "no date: the time of the import");
        assertNull(root.lastLogin());
        assertEquals("", root.profile().firstName());
        User gone = stored(report.rows().get(1));
        assertFalse(gone.isActive());
        assertEquals(Role.VIEWER, gone.role());
        assertEquals("imported (administrator)", fx.audit.of(AuditEvent.Type.REGISTRATION).getFirst().detail());
    }

    @Test
    void aRerunSkipsWhatIsAlreadyThereAndChangesNothing() {
        User existing = fx.addUser("ann@example.com", "annalee");
        ImportReport report = run(false, row("1", "ANN@example.com", "ann", DJANGO_HASH), row("2", "bob@example.com", "bob", DJANGO_HASH));
        ImportReport again = run(false, row("2", "bob@example.com", "bob", DJANGO_HASH));

        assertEquals(Status.ALREADY_PRESENT, report.rows().get(0).status());
        assertNull(report.rows().get(0).userId());
        assertEquals(Status.IMPORTED, report.rows().get(1).status());
        assertEquals(Status.ALREADY_PRESENT, again.rows().getFirst().status());
        assertEquals(2, fx.users.count());
        assertEquals(FakePasswordHasher.hashOf(Fixture.PASSWORD), fx.users.get(existing.id()).passwordHash(), "untouched");
        assertEquals(1, report.count(Status.IMPORTED));
        assertEquals(1, report.count(Status.ALREADY_PRESENT));
    }

    @Test
    void invalidRowsAreReportedWithTheirReasonAndTheOthersStillGoIn() {
        fx.addUser("taken@example.com", "taken");
        ImportReport report = run(false,
                row("1", "", "nomail", DJANGO_HASH),
                row("2", "not-an-address", "bad", DJANGO_HASH),
                row("3", "c@example.com", "has/slash", DJANGO_HASH),
                row("4", "d@example.com", "Taken", DJANGO_HASH),
                row("5", "e@example.com", "e", ""),
                row("6", "f@example.com", "f", "hunter2"),
                new ImportedUser("7", "g@example.com", "g", DJANGO_HASH, "x".repeat(151), "", true, false, null, null),
                row("8", "ok@example.com", "ok", DJANGO_HASH),
                row("9", "OK@example.com", "ok2", DJANGO_HASH));

        List<Status> statuses = report.rows().stream().map(RowOutcome::status).toList();
        assertEquals(List.of(Status.INVALID, Status.INVALID, Status.INVALID, Status.INVALID, Status.INVALID, Status.INVALID,
                Status.INVALID, Status.IMPORTED, Status.ALREADY_PRESENT), statuses);
        assertTrue(report.rows().get(0).reason().contains("no email"), report.rows().get(0).reason());
        assertTrue(report.rows().get(1).reason().startsWith("email: "), report.rows().get(1).reason());
        assertTrue(report.rows().get(2).reason().startsWith("username: "), report.rows().get(2).reason());
        assertTrue(report.rows().get(3).reason().contains("taken"), report.rows().get(3).reason());
        assertTrue(report.rows().get(4).reason().contains("no password hash"));
        assertTrue(report.rows().get(5).reason().contains("no known format"));
        assertTrue(report.rows().get(6).reason().startsWith("first_name: "));
        report.rows().forEach(r -> assertFalse(String.valueOf(r.reason()).contains("seasalt"), "no hash in a report"));
        assertEquals(2, fx.users.count(), "the taken one and the one good row");
        assertEquals(1, fx.audit.of(AuditEvent.Type.REGISTRATION).size());
    }

    @Test
    void unusablePasswordsComeInSoThePeopleCanResetThem() {
        ImportReport report = run(false, row("1", "social@example.com", "social", "!Xk3HqYb7VzPmc0sAXkA8bW4uQWmJ0aQhKjgY2s1r"));
        assertEquals(Status.IMPORTED, report.rows().getFirst().status());
    }

    @Test
    void theFirstLoginUpgradesAnImportedHash() {
        // The fake hasher's "legacy" hashes verify and need a rehash, as a Django hash does with the real one.
        ImportReport report = run(false, row("1", "ann@example.com", "ann", FakePasswordHasher.LEGACY_PREFIX + Fixture.PASSWORD));
        LogInResult result = new LogInService(fx.users, fx.hasher, fx.issuer, fx.transactions, fx.limiter, fx.audit, fx.source, fx.clock,
                fx.secondFactors)
                .logIn(new LogInCommand("ann", PlainPassword.of(Fixture.PASSWORD), null));

        assertInstanceOf(LogInResult.LoggedIn.class, result);
        assertEquals(FakePasswordHasher.hashOf(Fixture.PASSWORD), stored(report.rows().getFirst()).passwordHash());
        assertTrue(fx.users.findByEmail(EmailAddress.of("ann@example.com")).isPresent());
    }
}
