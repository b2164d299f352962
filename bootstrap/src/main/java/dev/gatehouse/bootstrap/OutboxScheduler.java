package dev.gatehouse.bootstrap;

import dev.gatehouse.application.port.in.DispatchMailUseCase;
import dev.gatehouse.application.port.in.DispatchMailUseCase.DispatchReport;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.context.annotation.Context;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives the outbox dispatcher: every poll interval it sends what is due, round after round while
 * rounds come back full. Every instance runs one; the outbox's row leases keep them apart.
 */
// Created at start-up: a scheduler bean created lazily by its first tick can land in a closing context.
@Context
@Requires(property = "auth.mail-dispatcher-enabled", notEquals = "false")
public class OutboxScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxScheduler.class);
    private static final int MAX_ROUNDS = 50;

    private final DispatchMailUseCase dispatch;
    private volatile Instant quietUntil = Instant.EPOCH;

    public OutboxScheduler(DispatchMailUseCase dispatch) {
        this.dispatch = dispatch;
    }

    @Scheduled(fixedDelay = "${auth.mail-poll-interval:1s}", initialDelay = "${auth.mail-poll-interval:1s}")
    void poll() {
        try {
            for (int round = 0; round < MAX_ROUNDS; round++) {
                DispatchReport report = dispatch.dispatchDue();
                report.problems().forEach(problem -> LOG.warn("Outbox: {}", problem));
                if (report.sent() > 0) {
                    LOG.info("Outbox: sent {} mail(s)", report.sent());
                }
                if (report.idle()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            // Typically the database is away; say so once a minute, not once a second.
            if (Instant.now().isAfter(quietUntil)) {
                LOG.warn("Outbox dispatch failed, will retry: {}", e.toString());
                quietUntil = Instant.now().plus(Duration.ofMinutes(1));
            }
        }
    }
}
