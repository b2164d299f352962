package dev.gatehouse.application.error;

import java.time.Duration;

public final class RateLimitedException extends GatehouseException {
    private final Duration retryAfter;

    public RateLimitedException(Duration retryAfter) {
        super("Too many attempts. Try again later.");
        this.retryAfter = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
    }

    /** Whole seconds, at least one: what goes into Retry-After. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    @Override
    public String code() {
        return "rate_limited";
    }
}
