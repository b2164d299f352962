package dev.gatehouse.application.settings;

import java.time.Duration;
import java.util.Objects;

/**
 * @param linkBaseUrl  where links in mails point: {@code linkBaseUrl + "/verify-email?token=…"} and
 *                     {@code linkBaseUrl + "/password/reset/confirm?token=…"}. Built from
 *                     configuration only, never from a request's Host header.
 * @param maxAttempts  tries before a mail is marked dead
 * @param firstRetry   wait after the first failure; doubles each time up to {@code maxRetry}
 * @param batchSize    mails one dispatch round claims
 * @param lease        how long a claimed mail is reserved for its dispatcher
 */
public record MailSettings(String linkBaseUrl, int maxAttempts, Duration firstRetry, Duration maxRetry, int batchSize,
                           Duration lease) {
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
