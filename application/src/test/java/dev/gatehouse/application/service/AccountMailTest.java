package dev.gatehouse.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.application.fakes.Fixture;
import dev.gatehouse.application.settings.MailSettings;
import dev.gatehouse.domain.mail.MailMessage;
import dev.gatehouse.domain.mail.MailMessage.Template;
import dev.gatehouse.domain.token.OneTimeToken;
import dev.gatehouse.domain.token.OneTimeToken.Purpose;
import dev.gatehouse.domain.token.OpaqueToken;
import dev.gatehouse.domain.token.TokenHash;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.Profile;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class AccountMailTest {
    private static final String BASE = "https://app.example.test/auth";

    private final Fixture fx = new Fixture();
    private final User ann = fx.addUser("Ann@Example.com", "ann");

    static Stream<Arguments> linkMails() {
        return Stream.of(
                Arguments.of(Template.VERIFY_EMAIL, Purpose.VERIFY_EMAIL, "/verify-email?token=", "24 hours"),
                Arguments.of(Template.PASSWORD_RESET, Purpose.PASSWORD_RESET, "/password/reset/confirm?token=", "1 hour"));
    }

    private void send(Template template, User user, Instant now) {
        switch (template) {
            case VERIFY_EMAIL -> fx.mail.verificationLink(user, now);
            case PASSWORD_RESET -> fx.mail.passwordResetLink(user, now);
            default -> fx.mail.notice(user, template, now);
        }
    }

    @ParameterizedTest
    @MethodSource("linkMails")
    void aLinkMailCarriesATokenKnownToTheStoreOnlyByItsHash(Template template, Purpose purpose, String path, String validFor) {
        Instant now = Fixture.T0.plusNanos(123_456_789);
        send(template, ann, now);

        MailMessage mail = fx.outbox.enqueued().getFirst();
        assertEquals(1, fx.outbox.enqueued().size());
        assertEquals(template, mail.template());
        assertEquals(ann.email(), mail.to());
        String token = mail.parameters().get("token");
        assertEquals(OpaqueToken.ENCODED_LENGTH, token.length());
        assertTrue(OpaqueToken.parse(token).isPresent(), "the token has the shape clients may present");
        assertEquals(BASE + path + token, mail.parameters().get("link"));
        assertEquals(AccountMail.uid(ann.id()), mail.parameters().get("uid"));
        assertEquals(validFor, mail.parameters().get("valid_for"));
        assertEquals("Ann@example.com", mail.parameters().get("email"));
        assertEquals("2025-03-01T10:00:00Z", mail.parameters().get("time"), "to the second");

        assertEquals(1, fx.oneTimeTokens.count());
        OneTimeToken stored = fx.oneTimeTokens.find(TokenHash.of(token)).orElseThrow();
        assertEquals(TokenHash.of(token), stored.hash());
        assertEquals(ann.id(), stored.userId());
        assertEquals(purpose, stored.purpose());
        assertEquals(now, stored.createdAt());
        assertEquals(now.plus(purpose.lifetime()), stored.expiresAt());
        assertEquals(ann.passwordChangedAt(), stored.passwordChangedAt());
        assertNull(stored.usedAt());
    }

    @ParameterizedTest
    @EnumSource(value = Template.class, names = {"VERIFY_EMAIL", "PASSWORD_RESET"})
    void theRawTokenIsNeverAStoredKey(Template template) {
        send(template, ann, Fixture.T0);
        String token = fx.lastToken(template);

        byte[] raw = Base64.getUrlDecoder().decode(token);
        assertEquals(OpaqueToken.BYTES, raw.length);
        assertFalse(fx.oneTimeTokens.find(TokenHash.fromBytes(raw)).isPresent(), "the token's own bytes find nothing");
        OneTimeToken stored = fx.oneTimeTokens.find(TokenHash.of(token)).orElseThrow();
        assertNotEquals(TokenHash.fromBytes(raw), stored.hash());
        assertFalse(stored.toString().contains(token), "the stored record holds no copy of the raw token");
    }

    @Test
    void everyLinkCarriesAFreshToken() {
        fx.mail.passwordResetLink(ann, Fixture.T0);
        fx.mail.passwordResetLink(ann, Fixture.T0);
        var mails = fx.outbox.enqueued(Template.PASSWORD_RESET);
        assertNotEquals(mails.get(0).parameters().get("token"), mails.get(1).parameters().get("token"));
    }

    @Test
    void anIssuedLinkSupersedesTheUnusedOneOfTheSamePurposeOnly() {
        fx.mail.verificationLink(ann, Fixture.T0);
        String firstVerification = fx.lastToken(Template.VERIFY_EMAIL);
        fx.mail.passwordResetLink(ann, Fixture.T0);
        String reset = fx.lastToken(Template.PASSWORD_RESET);
        fx.mail.verificationLink(ann, Fixture.T0.plusSeconds(1));
        String secondVerification = fx.lastToken(Template.VERIFY_EMAIL);

        assertFalse(fx.oneTimeTokens.find(TokenHash.of(firstVerification)).isPresent());
        assertTrue(fx.oneTimeTokens.find(TokenHash.of(secondVerification)).isPresent());
        assertTrue(fx.oneTimeTokens.find(TokenHash.of(reset)).isPresent());
        assertEquals(2, fx.oneTimeTokens.count());
    }

    @ParameterizedTest
    @EnumSource(value = Template.class, names = {"ALREADY_REGISTERED", "PASSWORD_CHANGED", "REFRESH_TOKEN_REUSED"})
    void aNoticeCarriesNoToken(Template template) {
        fx.mail.notice(ann, template, Fixture.T0.plusMillis(1500));

        MailMessage mail = fx.outbox.enqueued().getFirst();
        assertEquals(template, mail.template());
        assertEquals(ann.email(), mail.to());
        assertEquals(Set.of("email", "name", "time"), mail.parameters().keySet());
        assertEquals("2025-03-01T10:00:01Z", mail.parameters().get("time"));
        assertEquals(0, fx.oneTimeTokens.count());
        MailMessage.SECRET_PARAMETERS.forEach(secret -> assertFalse(mail.parameters().containsKey(secret)));
    }

    @Test
    void aMailGreetsAVerifiedAddressByFirstNameAndAnUnverifiedOneByTheAddress() {
        User bob = User.register(ann.id(), EmailAddress.of("bob@example.com"),
                new Profile(Username.of("bob"), "Bob", "Ray", null, null), ann.passwordHash(), Fixture.T0);
        // Unverified: "Bob" is text a stranger may have typed for someone else's address.
        fx.mail.notice(bob, Template.PASSWORD_CHANGED, Fixture.T0);
        fx.mail.verificationLink(bob, Fixture.T0);
        bob.confirmEmail();
        fx.mail.notice(bob, Template.PASSWORD_CHANGED, Fixture.T0);
        fx.mail.notice(ann, Template.PASSWORD_CHANGED, Fixture.T0);

        assertEquals("bob@example.com", fx.outbox.enqueued().get(0).parameters().get("name"));
        assertEquals("bob@example.com", fx.outbox.enqueued().get(1).parameters().get("name"));
        assertEquals("Bob", fx.outbox.enqueued().get(2).parameters().get("name"));
        assertEquals("Ann@example.com", fx.outbox.enqueued().get(3).parameters().get("name"));
    }

    @Test
    void linksStartWithTheConfiguredBaseWithoutADoubleSlash() {
        Fixture other = new Fixture();
        AccountMail mail = new AccountMail(other.oneTimeTokens, other.outbox,
                new MailSettings("http://localhost:8080/", 3, Duration.ofSeconds(1), Duration.ofMinutes(1), 10,
                        Duration.ofMinutes(1)));
        mail.verificationLink(ann, Fixture.T0);
        String token = other.lastToken(Template.VERIFY_EMAIL);
        assertEquals("http://localhost:8080/verify-email?token=" + token,
                other.outbox.enqueued().getFirst().parameters().get("link"));
    }

    @Test
    void theUidIsTheUserIdAsUnpaddedBase64urlOfItsSixteenBytes() {
        User fixed = User.register(new dev.gatehouse.domain.user.UserId(java.util.UUID.fromString("0193a5b2-7c1d-7e3f-8a9b-0c1d2e3f4a5b")),
                EmailAddress.of("fixed@example.com"), Profile.EMPTY, ann.passwordHash(), Fixture.T0);
        assertEquals("AZOlsnwdfj-KmwwdLj9KWw", AccountMail.uid(fixed.id()));
        String uid = AccountMail.uid(ann.id());
        assertEquals(22, uid.length());
        byte[] raw = Base64.getUrlDecoder().decode(uid);
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(raw);
        assertEquals(ann.id().value(), new java.util.UUID(bytes.getLong(), bytes.getLong()));
    }

    @Test
    void configuredLinkPathsGetTheTokenAndTheUid() {
        Fixture other = new Fixture();
        AccountMail mail = new AccountMail(other.oneTimeTokens, other.outbox,
                new MailSettings("https://app.example.test/", 3, Duration.ofSeconds(1), Duration.ofMinutes(1), 10,
                        Duration.ofMinutes(1), "/account-confirm-email/{token}/", "/password-reset/confirm/{uid}/{token}/"));
        mail.verificationLink(ann, Fixture.T0);
        mail.passwordResetLink(ann, Fixture.T0);
        String uid = AccountMail.uid(ann.id());

        MailMessage verification = other.outbox.enqueued(Template.VERIFY_EMAIL).getFirst();
        assertEquals("https://app.example.test/account-confirm-email/" + verification.parameters().get("token") + "/",
                verification.parameters().get("link"));
        MailMessage reset = other.outbox.enqueued(Template.PASSWORD_RESET).getFirst();
        assertEquals("https://app.example.test/password-reset/confirm/" + uid + "/" + reset.parameters().get("token") + "/",
                reset.parameters().get("link"));
        assertEquals(uid, reset.parameters().get("uid"));
        assertTrue(MailMessage.SECRET_PARAMETERS.contains("link"), "the link, which holds the token, is never logged");
    }
}
