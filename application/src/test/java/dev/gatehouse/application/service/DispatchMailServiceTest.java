package dev.gatehouse.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.application.fakes.FakeMailRenderer;
import dev.gatehouse.application.fakes.FakeMailSender;
import dev.gatehouse.application.fakes.Fixture;
import dev.gatehouse.application.fakes.RecordingMailOutbox.Row;
import dev.gatehouse.application.port.in.DispatchMailUseCase.DispatchReport;
import dev.gatehouse.application.port.in.RegisterUserUseCase.RegisterUserCommand;
import dev.gatehouse.application.port.in.SignIn;
import dev.gatehouse.application.port.in.VerifyEmailUseCase.VerifyEmailCommand;
import dev.gatehouse.application.port.out.MailRenderer.RenderedMail;
import dev.gatehouse.application.settings.MailSettings;
import dev.gatehouse.application.settings.VerificationMode;
import dev.gatehouse.domain.mail.MailMessage.Template;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.PlainPassword;
import dev.gatehouse.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DispatchMailServiceTest {
    /** A delivery failure's own message is the reason: it already says what failed. */
    private static final String DELIVERY_ERROR = FakeMailSender.FAILURE;

    private final Fixture fx = new Fixture();
    private final FakeMailRenderer renderer = new FakeMailRenderer();
    private final FakeMailSender sender = new FakeMailSender();
    private final DispatchMailService service = dispatcher(fx.mailSettings);
    private final User ann = fx.addUser("ann@example.com", "ann");
    private final User bob = fx.addUser("bob@example.com", "bob");
    private final User cat = fx.addUser("cat@example.com", "cat");

    private DispatchMailService dispatcher(MailSettings settings) {
        return new DispatchMailService(fx.outbox, renderer, sender, settings, fx.clock);
    }

    private Row row(int index) {
        return fx.outbox.rows().get(index);
    }

    private void noticeTo(User user) {
        fx.mail.notice(user, Template.PASSWORD_CHANGED, fx.clock.instant());
    }

    /** Moves the clock to when the row may be tried again. */
    private void waitForRetryOf(Row row) {
        fx.clock.advance(Duration.between(fx.clock.instant(), row.nextAttemptAt));
    }

    @Test
    void withNothingDueARoundIsIdle() {
        DispatchReport report = service.dispatchDue();
        assertTrue(report.idle());
        assertEquals(new DispatchReport(0, 0, 0, List.of()), report);
        assertEquals(0, sender.attempts);
    }

    @Test
    void sendsDueMailRenderedAndMarksItSent() {
        fx.mail.verificationLink(ann, fx.clock.instant());
        String token = fx.lastToken(Template.VERIFY_EMAIL);
        noticeTo(bob);

        DispatchReport report = service.dispatchDue();

        assertEquals(new DispatchReport(2, 0, 0, List.of()), report);
        assertFalse(report.idle());
        assertEquals(List.of("ann@example.com", "bob@example.com"), sender.deliveredTo());
        RenderedMail verification = sender.delivered.getFirst();
        assertEquals("verify-email", verification.subject());
        assertTrue(verification.text().contains("link=https://app.example.test/auth/verify-email?token=" + token));
        assertTrue(verification.secrets().contains(token));
        assertEquals("password-changed", sender.delivered.get(1).subject());
        for (Row row : fx.outbox.rows()) {
            assertEquals("SENT", row.status);
            assertEquals(1, row.attempts);
            assertNull(row.lockedUntil);
            assertNull(row.lastError);
        }

        fx.clock.advance(Duration.ofDays(1));
        assertTrue(service.dispatchDue().idle(), "sent mail is not sent again");
        assertEquals(2, sender.attempts);
    }

    @Test
    void theNextTryReadsInSecondsMinutesOrHours() {
        assertEquals("40 s", DispatchMailService.humanly(java.time.Duration.ofSeconds(40)));
        assertEquals("1 s", DispatchMailService.humanly(java.time.Duration.ofMillis(300)));
        assertEquals("16 min", DispatchMailService.humanly(java.time.Duration.ofMinutes(16)));
        assertEquals("1 h", DispatchMailService.humanly(java.time.Duration.ofHours(1)));
        assertEquals("3 h", DispatchMailService.humanly(java.time.Duration.ofHours(3)));
    }

    @Test
    void aFailedMailIsRetriedWithBackOffAndNotBefore() {
        fx.mail.passwordResetLink(ann, fx.clock.instant());
        String token = fx.lastToken(Template.PASSWORD_RESET);
        sender.unreachable.add("ann@example.com");
        Instant firstTry = fx.clock.instant();

        DispatchReport report = service.dispatchDue();

        Instant retryAt = firstTry.plus(fx.mailSettings.retryDelay(1));
        assertEquals(firstTry.plusSeconds(10), retryAt);
        assertEquals(0, report.sent());
        assertEquals(1, report.retried());
        assertEquals(0, report.dead());
        assertEquals(List.of("mail 1 (PASSWORD_RESET) attempt 1 failed: " + DELIVERY_ERROR + " (next try in 10 s)"),
                report.problems());
        assertFalse(report.problems().getFirst().contains(token), "problems are safe to log");
        assertEquals("PENDING", row(0).status);
        assertEquals(1, row(0).attempts);
        assertEquals(retryAt, row(0).nextAttemptAt);
        assertNull(row(0).lockedUntil, "the lease is given back");
        assertEquals(DELIVERY_ERROR, row(0).lastError);

        fx.clock.advance(Duration.ofSeconds(10).minusMillis(1));
        assertTrue(service.dispatchDue().idle(), "not claimed before the retry is due");
        assertEquals(1, sender.attempts);
        assertEquals(1, row(0).attempts);

        fx.clock.advance(Duration.ofMillis(1));
        DispatchReport second = service.dispatchDue();
        assertEquals(1, second.retried());
        assertEquals(2, sender.attempts);
        assertEquals(2, row(0).attempts);
        assertEquals(fx.clock.instant().plus(fx.mailSettings.retryDelay(2)), row(0).nextAttemptAt);
        assertEquals(fx.clock.instant().plusSeconds(20), row(0).nextAttemptAt, "the wait doubles");
    }

    @Test
    void aMailThatFailsEveryAttemptEndsDeadAndIsReported() {
        noticeTo(ann);
        sender.unreachable.add("ann@example.com");
        int maxAttempts = fx.mailSettings.maxAttempts();

        for (int attempt = 1; attempt < maxAttempts; attempt++) {
            DispatchReport report = service.dispatchDue();
            assertEquals(new DispatchReport(0, 1, 0, report.problems()), report, "attempt " + attempt);
            waitForRetryOf(row(0));
        }
        DispatchReport last = service.dispatchDue();

        assertEquals(0, last.sent());
        assertEquals(0, last.retried());
        assertEquals(1, last.dead());
        assertEquals(List.of("mail 1 (PASSWORD_CHANGED) is dead after " + maxAttempts + " attempts: " + DELIVERY_ERROR),
                last.problems());
        assertEquals("DEAD", row(0).status);
        assertEquals(maxAttempts, row(0).attempts);
        assertEquals(DELIVERY_ERROR, row(0).lastError);
        assertNull(row(0).lockedUntil);

        fx.clock.advance(Duration.ofDays(30));
        assertTrue(service.dispatchDue().idle(), "a dead mail is never tried again");
        assertEquals(maxAttempts, sender.attempts);
    }

    @Test
    void aMailThatGetsThroughOnRetryIsSent() {
        noticeTo(ann);
        sender.unreachable.add("ann@example.com");
        service.dispatchDue();
        sender.unreachable.clear();
        waitForRetryOf(row(0));

        assertEquals(new DispatchReport(1, 0, 0, List.of()), service.dispatchDue());
        assertEquals("SENT", row(0).status);
        assertEquals(2, row(0).attempts);
        assertEquals(List.of("ann@example.com"), sender.deliveredTo());
    }

    @Test
    void oneFailureDoesNotHoldUpTheRestOfTheBatch() {
        noticeTo(ann);
        noticeTo(bob);
        noticeTo(cat);
        sender.unreachable.add("bob@example.com");

        DispatchReport report = service.dispatchDue();

        assertEquals(2, report.sent());
        assertEquals(1, report.retried());
        assertEquals(0, report.dead());
        assertEquals(1, report.problems().size());
        assertTrue(report.problems().getFirst().startsWith("mail 2 (PASSWORD_CHANGED) attempt 1 failed"));
        assertEquals(List.of("ann@example.com", "cat@example.com"), sender.deliveredTo());
        assertEquals(List.of("SENT", "PENDING", "SENT"), fx.outbox.rows().stream().map(r -> r.status).toList());
    }

    @Test
    void aMailThatCannotBeRenderedIsRetriedLikeAFailedDelivery() {
        fx.mail.verificationLink(ann, fx.clock.instant());
        noticeTo(bob);
        renderer.broken.add(Template.VERIFY_EMAIL);

        DispatchReport report = service.dispatchDue();

        assertEquals(1, report.sent());
        assertEquals(1, report.retried());
        assertEquals(List.of("bob@example.com"), sender.deliveredTo());
        assertEquals("IllegalStateException: template verify-email is broken", row(0).lastError);
        assertEquals("PENDING", row(0).status);
    }

    @Test
    void deadAndRetriedMailInOneRoundAreCountedApart() {
        noticeTo(ann);
        sender.unreachable.add("ann@example.com");
        for (int attempt = 1; attempt < fx.mailSettings.maxAttempts(); attempt++) {
            service.dispatchDue();
            waitForRetryOf(row(0));
        }
        noticeTo(bob);
        noticeTo(cat);
        sender.unreachable.add("cat@example.com");

        DispatchReport report = service.dispatchDue();

        assertEquals(1, report.sent());
        assertEquals(1, report.retried());
        assertEquals(1, report.dead());
        assertEquals(2, report.problems().size());
        assertTrue(report.problems().get(0).startsWith("mail 1 (PASSWORD_CHANGED) is dead after 3 attempts"));
        assertTrue(report.problems().get(1).startsWith("mail 3 (PASSWORD_CHANGED) attempt 1 failed"));
        assertEquals(List.of("DEAD", "SENT", "PENDING"), fx.outbox.rows().stream().map(r -> r.status).toList());
    }

    @Test
    void aRoundClaimsAtMostOneBatch() {
        DispatchMailService small = dispatcher(new MailSettings("https://app.example.test", 3, Duration.ofSeconds(10),
                Duration.ofMinutes(10), 2, Duration.ofMinutes(1)));
        noticeTo(ann);
        noticeTo(bob);
        noticeTo(cat);

        assertEquals(2, small.dispatchDue().sent());
        assertEquals(List.of("ann@example.com", "bob@example.com"), sender.deliveredTo());
        assertEquals(1, small.dispatchDue().sent());
        assertTrue(small.dispatchDue().idle());
        assertEquals(Set.of("SENT"), Set.copyOf(fx.outbox.rows().stream().map(r -> r.status).toList()));
    }

    @Test
    void aRegistrationsMailLeavesThroughTheDispatcher() {
        Fixture optional = new Fixture(VerificationMode.OPTIONAL);
        FakeMailSender out = new FakeMailSender();
        new RegisterUserService(optional.users, optional.hasher, optional.issuer, optional.mail, optional.transactions,
                optional.source, optional.clock, fx.audit, optional.throttle, EnumerationFloor.NONE).register(new RegisterUserCommand(EmailAddress.of("dan@example.com"), null,
                PlainPassword.of(Fixture.PASSWORD), null, null, SignIn.START_SESSION));
        String token = optional.lastToken(Template.VERIFY_EMAIL);

        DispatchReport report = new DispatchMailService(optional.outbox, renderer, out, optional.mailSettings, optional.clock)
                .dispatchDue();

        assertEquals(1, report.sent());
        assertEquals("dan@example.com", out.delivered.getFirst().to());
        assertTrue(out.delivered.getFirst().text().contains("token=" + token));
    }
}
