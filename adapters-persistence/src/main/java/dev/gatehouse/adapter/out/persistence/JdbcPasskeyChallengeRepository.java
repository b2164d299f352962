package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.PasskeyChallengeRepository;
import dev.gatehouse.domain.passkey.PasskeyChallenge;
import dev.gatehouse.domain.token.TokenHash;
import dev.gatehouse.domain.user.UserId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@Singleton
public final class JdbcPasskeyChallengeRepository implements PasskeyChallengeRepository {
    private final PgSql sql;

    JdbcPasskeyChallengeRepository(PgSql sql) {
        this.sql = sql;
    }

    @Override
    public void save(PasskeyChallenge c) {
        sql.update("INSERT INTO passkey_challenges (challenge_hash, ceremony, user_id, created_at, expires_at) "
                + "VALUES (?, ?, ?, ?, ?)", ps -> {
            ps.setBytes(1, c.hash().bytes());
            ps.setString(2, c.ceremony().name());
            ps.setObject(3, c.user() == null ? null : c.user().value());
            PgSql.setInstant(ps, 4, c.createdAt());
            PgSql.setInstant(ps, 5, c.expiresAt());
        });
    }

    @Override
    public Optional<PasskeyChallenge> take(TokenHash hash, PasskeyChallenge.Ceremony ceremony, Instant now) {
        // DELETE … RETURNING: one statement, so of two concurrent requests with one challenge exactly one gets it.
        // A challenge of the other ceremony is left alone (it is not this request's to spend).
        return sql.one("DELETE FROM passkey_challenges WHERE challenge_hash = ? AND ceremony = ? "
                + "RETURNING challenge_hash, ceremony, user_id, created_at, expires_at", ps -> {
            ps.setBytes(1, hash.bytes());
            ps.setString(2, ceremony.name());
        }, rs -> {
            UUID user = PgSql.uuid(rs, "user_id");
            return new PasskeyChallenge(TokenHash.fromBytes(rs.getBytes("challenge_hash")),
                    PasskeyChallenge.Ceremony.valueOf(rs.getString("ceremony")), user == null ? null : new UserId(user),
                    PgSql.instant(rs, "created_at"), PgSql.instant(rs, "expires_at"));
        }).filter(c -> c.isLiveAt(now));
    }

    @Override
    public int purge(Instant before) {
        return sql.update("DELETE FROM passkey_challenges WHERE expires_at < ?", ps -> PgSql.setInstant(ps, 1, before));
    }
}
