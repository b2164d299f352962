package dev.gatehouse.application.service;

import dev.gatehouse.application.error.TokenNotValidException;
import dev.gatehouse.application.error.TokenReusedException;
import dev.gatehouse.application.port.in.AuthenticatedUser;
import dev.gatehouse.application.port.in.RefreshSessionUseCase;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.SessionRepository;
import dev.gatehouse.application.port.out.SessionRepository.TokenInFamily;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.SettingsSource;
import dev.gatehouse.application.settings.AuthSettings;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.mail.MailMessage;
import dev.gatehouse.domain.session.RefreshToken;
import dev.gatehouse.domain.session.Session;
import dev.gatehouse.domain.token.OpaqueToken;
import dev.gatehouse.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Refresh-token rotation. The presented token's row is locked for the transaction, so concurrent
 * refreshes of one token are decided in turn: the first rotates, the others find it spent inside
 * the grace window and receive the same successor. One live successor, never two.
 */
public final class RefreshSessionService implements RefreshSessionUseCase {
    private final AuditLog audit;
    private final SessionRepository sessions;
    private final SessionIssuer issuer;
    private final RefreshSuccessor successors;
    private final AccountMail mail;
    private final Transactions transactions;
    private final SettingsSource settings;
    private final Clock clock;

    public RefreshSessionService(SessionRepository sessions, SessionIssuer issuer, AccountMail mail,
                                 Transactions transactions, SettingsSource settings, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.sessions = sessions;
        this.issuer = issuer;
        this.mail = mail;
        this.successors = new RefreshSuccessor(settings.current().successorKey());
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    private sealed interface Outcome {
        record Rotated(User user, Session session, OpaqueToken successor, Instant expiresAt) implements Outcome {
        }

        record NotValid() implements Outcome {
        }

        record Reused() implements Outcome {
        }
    }

    @Override
    public AuthenticatedUser refresh(String refreshToken) {
        return refresh(refreshToken, null);
    }

    @Override
    public AuthenticatedUser refresh(String refreshToken, String clientId) {
        OpaqueToken presented = OpaqueToken.parse(refreshToken).orElseThrow(TokenNotValidException::new);
        Instant now = clock.instant();
        // Nearly every refresh presents a live token: rotate it in one statement. Everything else (a
        // replay inside the grace window, a reuse, a dead session) is decided under a lock below.
        OpaqueToken successor = successors.of(presented);
        Instant successorExpiresAt = now.plus(settings.current().refreshTokenTtl());
        Optional<TokenInFamily> rotated = sessions.rotateIfLive(presented.hash(), successor.hash(), clientId, now, successorExpiresAt);
        if (rotated.isPresent()) {
            TokenInFamily family = rotated.get();
            return new AuthenticatedUser(family.user(),
                    issuer.tokens(family.user(), family.session(), successor, successorExpiresAt, now));
        }
        // The revocation on reuse must commit even though the caller is refused: decide inside the
        // transaction, throw after it.
        Outcome outcome = transactions.inTransaction(() -> decide(presented, clientId, now));
        return switch (outcome) {
            case Outcome.Rotated r -> new AuthenticatedUser(r.user(),
                    issuer.tokens(r.user(), r.session(), r.successor(), r.expiresAt(), now));
            case Outcome.NotValid n -> throw new TokenNotValidException();
            case Outcome.Reused r -> throw new TokenReusedException();
        };
    }

    private Outcome decide(OpaqueToken presented, String clientId, Instant now) {
        Optional<TokenInFamily> found = sessions.lockRefreshToken(presented.hash());
        if (found.isEmpty() || clientId != null && !clientId.equals(found.get().session().clientId())) {
            // Another client's token proves nothing here: refused before it is assessed, so it is neither
            // spent nor taken for reuse.
            return new Outcome.NotValid();
        }
        TokenInFamily family = found.get();
        Session session = family.session();
        User user = family.user();
        boolean usable = session.isActive(now) && user.isActive();
        AuthSettings current = settings.current();
        return switch (family.token().assess(now, current.refreshReuseGrace(), usable)) {
            case NOT_VALID -> new Outcome.NotValid();
            case REUSE_DETECTED -> {
                session.revoke(now, Session.RevokeReason.TOKEN_REUSE);
                sessions.saveRevocation(session);
                mail.notice(user, MailMessage.Template.REFRESH_TOKEN_REUSED, now);
                audit.record(AuditEvent.of(now, AuditEvent.Type.TOKEN_REUSE, user.id(), null, null,
                        "a spent refresh token was presented again; session " + session.id() + " revoked"));
                yield new Outcome.Reused();
            }
            case ROTATE -> {
                OpaqueToken successor = successors.of(presented);
                RefreshToken next = RefreshToken.issue(successor.hash(), session.id(), now, current.refreshTokenTtl());
                session.touch(now, next.expiresAt());
                sessions.rotate(family.token().spend(now), next, session);
                yield new Outcome.Rotated(user, session, successor, next.expiresAt());
            }
            case REPLAY_SUCCESSOR -> {
                OpaqueToken successor = successors.of(presented);
                Optional<RefreshToken> next = sessions.findRefreshToken(successor.hash());
                // The successor itself already moved on: this copy is too late to share it.
                if (next.isEmpty() || next.get().isSpent() || !now.isBefore(next.get().expiresAt())) {
                    yield new Outcome.NotValid();
                }
                yield new Outcome.Rotated(user, session, successor, next.get().expiresAt());
            }
        };
    }
}
