package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.SessionRepository;
import dev.gatehouse.domain.session.Assurance;
import dev.gatehouse.domain.session.ClientInfo;
import dev.gatehouse.domain.session.RefreshToken;
import dev.gatehouse.domain.session.Session;
import dev.gatehouse.domain.session.SessionId;
import dev.gatehouse.domain.token.TokenHash;
import dev.gatehouse.domain.user.UserId;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Singleton
public final class JdbcSessionRepository implements SessionRepository {
    private static final String SESSION_COLUMNS = "s.id AS s_id, s.user_id AS s_user_id, s.created_at AS s_created_at, "
            + "s.last_used_at AS s_last_used_at, s.expires_at AS s_expires_at, s.user_agent AS s_user_agent, s.ip AS s_ip, "
            + "s.revoked_at AS s_revoked_at, s.revoke_reason AS s_revoke_reason, s.amr AS s_amr, s.aal AS s_aal, "
            + "s.client_id AS s_client_id, s.scope AS s_scope";
    private static final String TOKEN_COLUMNS = "t.token_hash AS t_token_hash, t.session_id AS t_session_id, "
            + "t.issued_at AS t_issued_at, t.expires_at AS t_expires_at, t.spent_at AS t_spent_at";

    private final PgSql sql;
    private final SessionLookupCache cache;

    JdbcSessionRepository(PgSql sql, SessionLookupCache cache) {
        this.sql = sql;
        this.cache = cache;
    }

    @Override
    public void insert(Session session, RefreshToken firstToken) {
        // One round trip: the session and its first token in a single statement.
        sql.update("WITH s AS (INSERT INTO sessions (id, user_id, created_at, last_used_at, expires_at, user_agent, ip, "
                + "amr, aal, client_id, scope) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)) "
                + "INSERT INTO refresh_tokens (token_hash, session_id, issued_at, expires_at) VALUES (?, ?, ?, ?)", ps -> {
            ps.setObject(1, session.id().value());
            ps.setObject(2, session.userId().value());
            PgSql.setInstant(ps, 3, session.createdAt());
            PgSql.setInstant(ps, 4, session.lastUsedAt());
            PgSql.setInstant(ps, 5, session.expiresAt());
            ps.setString(6, session.client().userAgent());
            ps.setString(7, session.client().ip());
            ps.setString(8, session.assurance().amrText());
            ps.setString(9, session.assurance().level().code());
            ps.setString(10, session.clientId());
            ps.setString(11, session.scope());
            ps.setBytes(12, firstToken.hash().bytes());
            ps.setObject(13, firstToken.sessionId().value());
            PgSql.setInstant(ps, 14, firstToken.issuedAt());
            PgSql.setInstant(ps, 15, firstToken.expiresAt());
        });
    }

    @Override
    public Optional<TokenInFamily> lockRefreshToken(TokenHash hash) {
        return sql.one("SELECT " + TOKEN_COLUMNS + ", " + SESSION_COLUMNS + ", " + UserRows.COLUMNS
                        + " FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id JOIN users u ON u.id = s.user_id"
                        + " WHERE t.token_hash = ? FOR UPDATE OF t, s",
                ps -> ps.setBytes(1, hash.bytes()),
                rs -> new TokenInFamily(token(rs), session(rs), UserRows.map(rs)));
    }

    @Override
    public Optional<TokenInFamily> rotateIfLive(TokenHash presented, TokenHash successor, String clientId, Instant now,
                                                Instant successorExpiresAt) {
        // One statement in autocommit, one round trip instead of three (lock, rotate, COMMIT). The first
        // UPDATE spends the token only while everything a rotation needs holds; the row lock it takes
        // makes a concurrent refresh of the same token wait, then find it spent and go the locked way.
        // The session and user are checked in a scalar subquery, not a join: a join let the planner's generic plan
        // start from the live sessions and probe each one's tokens (measured: refreshes fell to a fifth as the
        // tables grew); a subquery cannot be flattened, so the token is always found by its hash first.
        return sql.one("WITH t AS (UPDATE refresh_tokens rt SET spent_at = ?"
                        + " WHERE rt.token_hash = ? AND rt.spent_at IS NULL AND rt.expires_at > ?"
                        + " AND COALESCE((SELECT ss.revoked_at IS NULL AND ss.expires_at > ? AND uu.is_active"
                        + " AND (CAST(? AS text) IS NULL OR ss.client_id = ?)"
                        + " FROM sessions ss JOIN users uu ON uu.id = ss.user_id WHERE ss.id = rt.session_id), false)"
                        + " RETURNING rt.token_hash, rt.session_id, rt.issued_at, rt.expires_at, rt.spent_at), "
                        + "s AS (UPDATE sessions SET last_used_at = ?, expires_at = ? FROM t WHERE sessions.id = t.session_id"
                        + " RETURNING sessions.*), "
                        + "n AS (INSERT INTO refresh_tokens (token_hash, session_id, issued_at, expires_at)"
                        + " SELECT ?, t.session_id, ?, ? FROM t) "
                        + "SELECT " + TOKEN_COLUMNS + ", " + SESSION_COLUMNS + ", " + UserRows.COLUMNS
                        + " FROM t JOIN s ON s.id = t.session_id JOIN users u ON u.id = s.user_id",
                ps -> {
                    PgSql.setInstant(ps, 1, now);
                    ps.setBytes(2, presented.bytes());
                    PgSql.setInstant(ps, 3, now);
                    PgSql.setInstant(ps, 4, now);
                    ps.setString(5, clientId);
                    ps.setString(6, clientId);
                    PgSql.setInstant(ps, 7, now);
                    PgSql.setInstant(ps, 8, successorExpiresAt);
                    ps.setBytes(9, successor.bytes());
                    PgSql.setInstant(ps, 10, now);
                    PgSql.setInstant(ps, 11, successorExpiresAt);
                },
                rs -> new TokenInFamily(token(rs), session(rs), UserRows.map(rs)));
    }

    @Override
    public Optional<RefreshToken> findRefreshToken(TokenHash hash) {
        return sql.one("SELECT " + TOKEN_COLUMNS + " FROM refresh_tokens t WHERE t.token_hash = ?",
                ps -> ps.setBytes(1, hash.bytes()), JdbcSessionRepository::token);
    }

    @Override
    public void rotate(RefreshToken spent, RefreshToken successor, Session session) {
        // One round trip: spend, store the successor and slide the session, in one statement.
        sql.update("WITH spent AS (UPDATE refresh_tokens SET spent_at = ? WHERE token_hash = ? AND spent_at IS NULL), "
                + "touched AS (UPDATE sessions SET last_used_at = ?, expires_at = ? WHERE id = ?) "
                + "INSERT INTO refresh_tokens (token_hash, session_id, issued_at, expires_at) VALUES (?, ?, ?, ?)", ps -> {
            PgSql.setInstant(ps, 1, spent.spentAt());
            ps.setBytes(2, spent.hash().bytes());
            PgSql.setInstant(ps, 3, session.lastUsedAt());
            PgSql.setInstant(ps, 4, session.expiresAt());
            ps.setObject(5, session.id().value());
            ps.setBytes(6, successor.hash().bytes());
            ps.setObject(7, successor.sessionId().value());
            PgSql.setInstant(ps, 8, successor.issuedAt());
            PgSql.setInstant(ps, 9, successor.expiresAt());
        });
    }

    @Override
    public Optional<SessionOfUser> findWithUser(SessionId id) {
        Optional<SessionOfUser> cached = cache.get(id);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<SessionOfUser> found = sql.one("SELECT " + SESSION_COLUMNS + ", " + UserRows.COLUMNS
                        + " FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?",
                ps -> ps.setObject(1, id.value()),
                rs -> new SessionOfUser(session(rs), UserRows.map(rs)));
        found.ifPresent(value -> cache.put(id, value));
        return found;
    }

    @Override
    public Optional<Session> findBySessionToken(TokenHash refreshTokenHash) {
        return sql.one("SELECT " + SESSION_COLUMNS + " FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id"
                        + " WHERE t.token_hash = ?",
                ps -> ps.setBytes(1, refreshTokenHash.bytes()), JdbcSessionRepository::session);
    }

    @Override
    public void saveRevocation(Session session) {
        if (session.revokedAt() == null) {
            throw new IllegalArgumentException("session " + session.id() + " is not revoked");
        }
        cache.evictSession(session.id());
        sql.update("UPDATE sessions SET revoked_at = ?, revoke_reason = ? WHERE id = ? AND revoked_at IS NULL", ps -> {
            PgSql.setInstant(ps, 1, session.revokedAt());
            ps.setString(2, session.revokeReason().name());
            ps.setObject(3, session.id().value());
        });
    }

    @Override
    public int revokeAllOf(UserId userId, SessionId keep, Instant now, Session.RevokeReason reason) {
        cache.evictUser(userId);
        return sql.update("UPDATE sessions SET revoked_at = ?, revoke_reason = ? "
                + "WHERE user_id = ? AND revoked_at IS NULL AND id IS DISTINCT FROM ?", ps -> {
            PgSql.setInstant(ps, 1, now);
            ps.setString(2, reason.name());
            ps.setObject(3, userId.value());
            ps.setObject(4, keep == null ? null : keep.value(), java.sql.Types.OTHER);
        });
    }

    @Override
    public List<Session> findActiveOf(UserId userId, Instant now) {
        return sql.list("SELECT " + SESSION_COLUMNS + " FROM sessions s WHERE s.user_id = ? AND s.revoked_at IS NULL"
                        + " AND s.expires_at > ? ORDER BY s.created_at DESC LIMIT 200",
                ps -> {
                    ps.setObject(1, userId.value());
                    PgSql.setInstant(ps, 2, now);
                }, JdbcSessionRepository::session);
    }

    private static RefreshToken token(ResultSet rs) throws SQLException {
        return new RefreshToken(TokenHash.fromBytes(rs.getBytes("t_token_hash")), new SessionId(PgSql.uuid(rs, "t_session_id")),
                PgSql.instant(rs, "t_issued_at"), PgSql.instant(rs, "t_expires_at"), PgSql.instant(rs, "t_spent_at"));
    }

    private static Session session(ResultSet rs) throws SQLException {
        String reason = rs.getString("s_revoke_reason");
        return Session.reconstitute(new SessionId(PgSql.uuid(rs, "s_id")), new UserId(PgSql.uuid(rs, "s_user_id")),
                PgSql.instant(rs, "s_created_at"), PgSql.instant(rs, "s_last_used_at"), PgSql.instant(rs, "s_expires_at"),
                new ClientInfo(rs.getString("s_user_agent"), rs.getString("s_ip")), PgSql.instant(rs, "s_revoked_at"),
                reason == null ? null : Session.RevokeReason.valueOf(reason),
                Assurance.parse(rs.getString("s_amr"), rs.getString("s_aal")), rs.getString("s_client_id"), rs.getString("s_scope"));
    }
}
