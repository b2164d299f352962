package dev.gatehouse.domain.identity;

import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An account at an outside identity provider (Google, GitHub, a company's OpenID provider) that signs
 * in to one of our users. It is found by {@code (provider, subject)} alone: the provider's stable id for
 * the person, never the email address, which a provider may reassign or let a user change.
 *
 * @param email the address the provider gave when the identity was last used, shown to the user; never
 *              used to find the identity
 */
public record ExternalIdentity(UUID id, UserId userId, String provider, String subject, EmailAddress email,
                               Instant createdAt, Instant lastLogin) {
    public static final int MAX_PROVIDER = 64;
    public static final int MAX_SUBJECT = 255;

    public ExternalIdentity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(createdAt, "createdAt");
        requireProvider(provider);
        requireSubject(subject);
    }

    public static ExternalIdentity link(UUID id, UserId user, String provider, String subject, EmailAddress email, Instant now) {
        return new ExternalIdentity(id, user, provider, subject, email, now, now);
    }

    public ExternalIdentity usedAt(Instant now, EmailAddress currentEmail) {
        return new ExternalIdentity(id, userId, provider, subject, currentEmail == null ? email : currentEmail, createdAt, now);
    }

    /** Provider ids come from configuration: lower-case letters, digits, '-' and '_'. */
    public static boolean isProviderId(String provider) {
        return provider != null && !provider.isEmpty() && provider.length() <= MAX_PROVIDER
                && provider.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
    }

    private static void requireProvider(String provider) {
        if (!isProviderId(provider)) {
            throw new IllegalArgumentException("not a provider id");
        }
    }

    private static void requireSubject(String subject) {
        if (subject == null || subject.isEmpty() || subject.length() > MAX_SUBJECT
                || !subject.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("a provider subject is 1 to 255 printable ASCII characters");
        }
    }
}
