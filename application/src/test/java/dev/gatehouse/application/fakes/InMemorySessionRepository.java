package dev.gatehouse.application.fakes;

import dev.gatehouse.application.port.out.SessionRepository;
import dev.gatehouse.domain.session.RefreshToken;
import dev.gatehouse.domain.session.Session;
import dev.gatehouse.domain.session.SessionId;
import dev.gatehouse.domain.token.TokenHash;
import dev.gatehouse.domain.user.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class InMemorySessionRepository implements SessionRepository, Snapshottable {
    private final InMemoryUserRepository users;
    private Map<SessionId, Session> sessions = new LinkedHashMap<>();
    private Map<TokenHash, RefreshToken> tokens = new LinkedHashMap<>();
    public int revocationsSaved;

    public InMemorySessionRepository(InMemoryUserRepository users) {
        this.users = users;
    }

    public int count() {
        return sessions.size();
    }

    /** The stored session (a copy); fails when there is none. */
    public Session get(SessionId id) {
        return Optional.ofNullable(sessions.get(id)).map(Copies::of).orElseThrow();
    }

    public Optional<RefreshToken> token(TokenHash hash) {
        return Optional.ofNullable(tokens.get(hash));
    }

    @Override
    public void insert(Session session, RefreshToken firstToken) {
        if (sessions.containsKey(session.id()) || tokens.containsKey(firstToken.hash())) {
            throw new IllegalStateException("duplicate key");
        }
        sessions.put(session.id(), Copies.of(session));
        tokens.put(firstToken.hash(), firstToken);
    }

    @Override
    public Optional<TokenInFamily> lockRefreshToken(TokenHash hash) {
        return token(hash).map(t -> {
            Session session = get(t.sessionId());
            return new TokenInFamily(t, session, users.get(session.userId()));
        });
    }

    @Override
    public Optional<TokenInFamily> rotateIfLive(TokenHash presented, TokenHash successor, String clientId, Instant now,
                                                Instant successorExpiresAt) {
        RefreshToken stored = tokens.get(presented);
        if (stored == null || stored.isSpent() || !now.isBefore(stored.expiresAt())) {
            return Optional.empty();
        }
        Session session = get(stored.sessionId());
        if (!session.isActive(now) || !users.get(session.userId()).isActive()
                || clientId != null && !clientId.equals(session.clientId())) {
            return Optional.empty();
        }
        session.touch(now, successorExpiresAt);
        RefreshToken spent = stored.spend(now);
        rotate(spent, new RefreshToken(successor, session.id(), now, successorExpiresAt, null), session);
        return Optional.of(new TokenInFamily(spent, get(session.id()), users.get(session.userId())));
    }

    @Override
    public Optional<RefreshToken> findRefreshToken(TokenHash hash) {
        return token(hash);
    }

    @Override
    public void rotate(RefreshToken spent, RefreshToken successor, Session session) {
        RefreshToken stored = tokens.get(spent.hash());
        if (stored == null || stored.isSpent() || !spent.isSpent() || tokens.containsKey(successor.hash())) {
            throw new IllegalStateException("rotate of an unknown or spent token, or to a known successor");
        }
        tokens.put(spent.hash(), spent);
        tokens.put(successor.hash(), successor);
        sessions.put(session.id(), Copies.of(session));
    }

    @Override
    public Optional<SessionOfUser> findWithUser(SessionId id) {
        // As the database's ON DELETE CASCADE: a deleted user's sessions are gone.
        return Optional.ofNullable(sessions.get(id)).flatMap(s -> users.findById(s.userId()).map(u -> new SessionOfUser(Copies.of(s), u)));
    }

    @Override
    public Optional<Session> findBySessionToken(TokenHash refreshTokenHash) {
        return token(refreshTokenHash).map(t -> get(t.sessionId()));
    }

    @Override
    public void saveRevocation(Session session) {
        sessions.put(session.id(), Copies.of(session));
        revocationsSaved++;
    }

    @Override
    public int revokeAllOf(UserId userId, SessionId keep, Instant now, Session.RevokeReason reason) {
        int revoked = 0;
        for (Session s : sessions.values()) {
            if (s.userId().equals(userId) && !s.id().equals(keep) && s.revokedAt() == null) {
                s.revoke(now, reason);
                revoked++;
            }
        }
        return revoked;
    }

    @Override
    public List<Session> findActiveOf(UserId userId, Instant now) {
        return sessions.values().stream()
                .filter(s -> s.userId().equals(userId) && s.isActive(now))
                .sorted(Comparator.comparing(Session::createdAt).reversed())
                .map(Copies::of)
                .toList();
    }

    @Override
    public Runnable snapshot() {
        Map<SessionId, Session> savedSessions = new LinkedHashMap<>();
        sessions.forEach((id, s) -> savedSessions.put(id, Copies.of(s)));
        Map<TokenHash, RefreshToken> savedTokens = new LinkedHashMap<>(tokens);
        int savedRevocations = revocationsSaved;
        return () -> {
            sessions = new LinkedHashMap<>();
            savedSessions.forEach((id, s) -> sessions.put(id, Copies.of(s)));
            tokens = new LinkedHashMap<>(savedTokens);
            revocationsSaved = savedRevocations;
        };
    }
}
