package dev.gatehouse.application.service;

import dev.gatehouse.application.port.out.MailOutbox;
import dev.gatehouse.application.port.out.OneTimeTokenRepository;
import dev.gatehouse.application.settings.MailSettings;
import dev.gatehouse.domain.mail.MailMessage;
import dev.gatehouse.domain.token.OneTimeToken;
import dev.gatehouse.domain.token.OpaqueToken;
import dev.gatehouse.domain.user.User;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The mails use cases owe users. Every method writes into the caller's transaction: the token,
 * the outbox row and the state change commit together or not at all.
 */
public final class AccountMail {
    private final OneTimeTokenRepository tokens;
    private final MailOutbox outbox;
    private final MailSettings settings;
    private final SecureRandom random = new SecureRandom();

    public AccountMail(OneTimeTokenRepository tokens, MailOutbox outbox, MailSettings settings) {
        this.tokens = tokens;
        this.outbox = outbox;
        this.settings = settings;
    }

    public void verificationLink(User user, Instant now) {
        withToken(user, OneTimeToken.Purpose.VERIFY_EMAIL, MailMessage.Template.VERIFY_EMAIL, "/verify-email?token=", "24 hours", now);
    }

    public void passwordResetLink(User user, Instant now) {
        withToken(user, OneTimeToken.Purpose.PASSWORD_RESET, MailMessage.Template.PASSWORD_RESET, "/password/reset/confirm?token=",
                "1 hour", now);
    }

    public void notice(User user, MailMessage.Template template, Instant now) {
        outbox.enqueue(new MailMessage(template, user.email(), common(user, now)), now);
    }

    private void withToken(User user, OneTimeToken.Purpose purpose, MailMessage.Template template, String path,
                           String validFor, Instant now) {
        OpaqueToken token = OpaqueToken.generate(random);
        tokens.issue(OneTimeToken.issue(token.hash(), user, purpose, now));
        Map<String, String> parameters = common(user, now);
        parameters.put("token", token.value());
        parameters.put("link", settings.linkBaseUrl() + path + token.value());
        parameters.put("valid_for", validFor);
        outbox.enqueue(new MailMessage(template, user.email(), parameters), now);
    }

    private static Map<String, String> common(User user, Instant now) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("email", user.email().value());
        parameters.put("name", user.profile().firstName().isEmpty() ? user.email().value() : user.profile().firstName());
        parameters.put("time", now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        return parameters;
    }
}
