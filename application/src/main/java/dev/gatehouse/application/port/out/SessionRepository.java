package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.session.RefreshToken;
import dev.gatehouse.domain.session.Session;
import dev.gatehouse.domain.session.SessionId;
import dev.gatehouse.domain.token.TokenHash;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Sessions and their refresh-token families. */
public interface SessionRepository {

    /** A refresh token with what deciding its fate needs: its session and the session's user. */
    record TokenInFamily(RefreshToken token, Session session, User user) {
    }

    /** A session with its user, for checking an access token's {@code sid}. */
    record SessionOfUser(Session session, User user) {
    }

    void insert(Session session, RefreshToken firstToken);

    /**
     * Finds a refresh token and locks it until the transaction ends, so that concurrent refreshes
     * of one token are decided one after the other. Must be called inside a transaction.
     */
    Optional<TokenInFamily> lockRefreshToken(TokenHash hash);

    /**
     * The common refresh in one step, outside any transaction: when the presented token is unspent and
     * unexpired and its session live and its user active (what {@link RefreshToken#assess} calls ROTATE
     * for a usable session), spends it, stores the successor expiring at {@code successorExpiresAt},
     * slides the session to the same expiry, and returns the family as it now stands. Empty when any of
     * that does not hold, or when {@code clientId} is given and the session belongs to another client,
     * changing nothing: the caller then decides under {@link #lockRefreshToken}.
     */
    Optional<TokenInFamily> rotateIfLive(TokenHash presented, TokenHash successor, String clientId, Instant now,
                                         Instant successorExpiresAt);

    Optional<RefreshToken> findRefreshToken(TokenHash hash);

    /** Marks {@code spent} as spent, stores its successor and the session's new use and expiry. */
    void rotate(RefreshToken spent, RefreshToken successor, Session session);

    Optional<SessionOfUser> findWithUser(SessionId id);

    Optional<Session> findBySessionToken(TokenHash refreshTokenHash);

    /** Stores a revocation made on the aggregate. */
    void saveRevocation(Session session);

    /** Revokes every live session of the user but {@code keep} (may be null); returns how many. */
    int revokeAllOf(UserId userId, SessionId keep, Instant now, Session.RevokeReason reason);

    List<Session> findActiveOf(UserId userId, Instant now);
}
