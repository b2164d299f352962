package dev.gatehouse.bootstrap;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests can move forward, for expiry. It starts at the real time so the database agrees;
 * a context started with {@code gatehouse.test.movable-clock=true} uses it everywhere.
 */
final class MovableClock extends Clock {
    static final MovableClock SHARED = new MovableClock();

    private volatile Duration offset = Duration.ZERO;

    void advance(Duration by) {
        offset = offset.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Factory
    @Requires(property = "gatehouse.test.movable-clock", value = "true")
    static class Provider {
        @Singleton
        @Replaces(Clock.class)
        Clock movableClock() {
            return SHARED;
        }
    }
}
