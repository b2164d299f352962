package dev.gatehouse.application.service;

import dev.gatehouse.application.port.out.MailOutbox;
import dev.gatehouse.application.port.out.OneTimeTokenRepository;
import dev.gatehouse.application.settings.MailSettings;
import dev.gatehouse.domain.mail.MailMessage;
import dev.gatehouse.domain.token.OneTimeToken;
import dev.gatehouse.domain.token.OpaqueToken;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserId;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The mails use cases owe users. Every method writes into the caller's transaction: the token,
 * the outbox row and the state change commit together or not at all.
 *
 * <p>A link mail carries the parameters {@code token}, {@code uid} (the user id as base64url of its 16
 * bytes, unpadded: what a Django frontend calls the uid), {@code link} (base and path from
 * {@link MailSettings}, placeholders filled in) and {@code valid_for}.
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
        withToken(user, OneTimeToken.Purpose.VERIFY_EMAIL, MailMessage.Template.VERIFY_EMAIL, settings::verificationLink,
                "24 hours", now);
    }

    public void passwordResetLink(User user, Instant now) {
        withToken(user, OneTimeToken.Purpose.PASSWORD_RESET, MailMessage.Template.PASSWORD_RESET, settings::passwordResetLink,
                "1 hour", now);
    }

    /**
     * The link that moves {@code user} to {@code newEmail}, mailed to the new address. That address is
     * unproven, so the mail carries no text the account holder typed (no name), only the link.
     */
    public void emailChangeLink(User user, EmailAddress newEmail, Instant now) {
        OpaqueToken token = OpaqueToken.generate(random);
        tokens.issue(OneTimeToken.issueEmailChange(token.hash(), user, newEmail, now));
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("email", newEmail.value());
        parameters.put("time", now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        parameters.put("token", token.value());
        parameters.put("link", settings.emailChangeLink(token.value()));
        parameters.put("valid_for", "24 hours");
        outbox.enqueue(new MailMessage(MailMessage.Template.EMAIL_CHANGE, newEmail, parameters), now);
    }

    /** The user id as a link carries it: base64url of the UUID's 16 bytes, without padding (22 characters). */
    public static String uid(UserId id) {
        return id.compact();
    }

    public void notice(User user, MailMessage.Template template, Instant now) {
        outbox.enqueue(new MailMessage(template, user.email(), common(user, now)), now);
    }

    private void withToken(User user, OneTimeToken.Purpose purpose, MailMessage.Template template,
                           BiFunction<String, String, String> link, String validFor, Instant now) {
        OpaqueToken token = OpaqueToken.generate(random);
        tokens.issue(OneTimeToken.issue(token.hash(), user, purpose, now));
        Map<String, String> parameters = common(user, now);
        String uid = uid(user.id());
        parameters.put("token", token.value());
        parameters.put("uid", uid);
        parameters.put("link", link.apply(token.value(), uid));
        parameters.put("valid_for", validFor);
        outbox.enqueue(new MailMessage(template, user.email(), parameters), now);
    }

    private static Map<String, String> common(User user, Instant now) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("email", user.email().value());
        // A name is text a stranger may have typed while registering someone else's address: it goes
        // into mail only once that address is proven to be theirs.
        boolean named = user.isEmailVerified() && !user.profile().firstName().isEmpty();
        parameters.put("name", named ? user.profile().firstName() : user.email().value());
        parameters.put("time", now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        return parameters;
    }
}
