package dev.gatehouse.application.settings;

import java.time.Duration;
import java.util.Objects;

/**
 * @param linkBaseUrl  where links in mails point: {@code linkBaseUrl + verifyPath} and
 *                     {@code linkBaseUrl + resetPath}. Built from configuration only, never from a
 *                     request's Host header.
 * @param maxAttempts  tries before a mail is marked dead
 * @param firstRetry   wait after the first failure; doubles each time up to {@code maxRetry}
 * @param batchSize    mails one dispatch round claims
 * @param lease        how long a claimed mail is reserved for its dispatcher
 * @param verifyPath   the verification link after the base, with the placeholders {@code {token}} (required)
 *                     and {@code {uid}} (optional: the user id, base64url of its 16 bytes). Default
 *                     {@value #DEFAULT_VERIFY_PATH}.
 * @param resetPath    the password-reset link after the base, with the same placeholders. Default
 *                     {@value #DEFAULT_RESET_PATH}; a Django frontend sets e.g. {@code /password-reset/confirm/{uid}/{token}/}.
 */
public record MailSettings(String linkBaseUrl, int maxAttempts, Duration firstRetry, Duration maxRetry, int batchSize,
                           Duration lease, String verifyPath, String resetPath) {
    public static final String DEFAULT_VERIFY_PATH = "/verify-email?token={token}";
    public static final String EMAIL_CHANGE_PATH = "/email/change/confirm?token={token}";
    public static final String DEFAULT_RESET_PATH = "/password/reset/confirm?token={token}";
    static final String TOKEN = "{token}";
    static final String UID = "{uid}";
    private static final int MAX_PATH_LENGTH = 512;

    /** The default link paths. */
    public MailSettings(String linkBaseUrl, int maxAttempts, Duration firstRetry, Duration maxRetry, int batchSize,
                        Duration lease) {
        this(linkBaseUrl, maxAttempts, firstRetry, maxRetry, batchSize, lease, DEFAULT_VERIFY_PATH, DEFAULT_RESET_PATH);
    }

    public MailSettings {
        Objects.requireNonNull(linkBaseUrl, "linkBaseUrl");
        if (!(linkBaseUrl.startsWith("https://") || linkBaseUrl.startsWith("http://"))) {
            throw new IllegalArgumentException("the link base URL must be an http(s) URL, was " + linkBaseUrl);
        }
        while (linkBaseUrl.endsWith("/")) {
            linkBaseUrl = linkBaseUrl.substring(0, linkBaseUrl.length() - 1);
        }
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("mail attempts must be between 1 and 100");
        }
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("mail batch size must be between 1 and 1000");
        }
        Objects.requireNonNull(firstRetry, "firstRetry");
        Objects.requireNonNull(maxRetry, "maxRetry");
        Objects.requireNonNull(lease, "lease");
        if (firstRetry.compareTo(Duration.ofMillis(100)) < 0 || maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("mail retries need 100 ms <= first retry <= max retry");
        }
        // A lease shorter than an SMTP exchange could let a second dispatcher claim a mail still being sent.
        if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("the mail lease must be at least one second");
        }
        checkPath("verification", verifyPath);
        checkPath("password reset", resetPath);
    }

    /**
     * A link path starts with '/', holds {@code {token}}, may hold {@code {uid}}, and no other braces. It may
     * not hold characters that would need escaping in a URL or in HTML (spaces, quotes, angle brackets,
     * backslashes, control characters).
     */
    private static void checkPath(String which, String path) {
        Objects.requireNonNull(path, which + " link path");
        if (!path.startsWith("/") || path.length() > MAX_PATH_LENGTH) {
            throw new IllegalArgumentException("the " + which + " link path must start with '/' (at most "
                    + MAX_PATH_LENGTH + " characters), was " + path);
        }
        if (!path.contains(TOKEN)) {
            throw new IllegalArgumentException("the " + which + " link path must contain {token}, was " + path);
        }
        String rest = path.replace(TOKEN, "").replace(UID, "");
        if (rest.indexOf('{') >= 0 || rest.indexOf('}') >= 0) {
            throw new IllegalArgumentException("the " + which + " link path knows only the placeholders {token} and {uid}, was "
                    + path);
        }
        if (!rest.chars().allMatch(c -> c > 0x20 && c < 0x7f && "\"'<>\\`^|".indexOf(c) < 0)) {
            throw new IllegalArgumentException("the " + which + " link path holds a character that would need escaping: " + path);
        }
    }

    /** The verification link: base, then the path with its placeholders filled in. */
    public String verificationLink(String token, String uid) {
        return link(verifyPath, token, uid);
    }

    /** The password-reset link: base, then the path with its placeholders filled in. */
    public String passwordResetLink(String token, String uid) {
        return link(resetPath, token, uid);
    }

    /** The email-change link (a native route: dj-rest-auth has no email change). */
    public String emailChangeLink(String token) {
        return link(EMAIL_CHANGE_PATH, token, "");
    }

    private String link(String path, String token, String uid) {
        // Both values are base64url: nothing in them needs escaping in a URL.
        return linkBaseUrl + path.replace(TOKEN, token).replace(UID, uid);
    }

    /** Exponential back-off: first, 2×first, 4×first … capped. */
    public Duration retryDelay(int attemptsSoFar) {
        Duration delay = firstRetry;
        for (int i = 1; i < attemptsSoFar && delay.compareTo(maxRetry) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetry) > 0 ? maxRetry : delay;
    }
}
