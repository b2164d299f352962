package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.MfaChallengeRepository;
import dev.gatehouse.domain.mfa.MfaChallenge;
import dev.gatehouse.domain.token.TokenHash;
import dev.gatehouse.domain.user.UserId;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

@Singleton
public final class JdbcMfaChallengeRepository implements MfaChallengeRepository {
    private static final String COLUMNS = "token_hash, user_id, password_changed_at, created_at, expires_at, failures, first_factor";
    private final PgSql sql;

    JdbcMfaChallengeRepository(PgSql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(MfaChallenge challenge, Instant now) {
        // The user's abandoned logins go with the next one, so the table holds only what can still be used.
        sql.update("WITH expired AS (DELETE FROM mfa_challenges WHERE user_id = ? AND expires_at <= ?) "
                + "INSERT INTO mfa_challenges (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", ps -> {
            ps.setObject(1, challenge.userId().value());
            PgSql.setInstant(ps, 2, now);
            ps.setBytes(3, challenge.hash().bytes());
            ps.setObject(4, challenge.userId().value());
            PgSql.setInstant(ps, 5, challenge.passwordChangedAt());
            PgSql.setInstant(ps, 6, challenge.createdAt());
            PgSql.setInstant(ps, 7, challenge.expiresAt());
            ps.setInt(8, challenge.failures());
            ps.setString(9, challenge.firstFactor().code());
        });
    }

    @Override
    public Optional<MfaChallenge> find(TokenHash hash) {
        return sql.one("SELECT " + COLUMNS + " FROM mfa_challenges WHERE token_hash = ?", ps -> ps.setBytes(1, hash.bytes()),
                JdbcMfaChallengeRepository::map);
    }

    @Override
    public Optional<MfaChallenge> lock(TokenHash hash) {
        return sql.one("SELECT " + COLUMNS + " FROM mfa_challenges WHERE token_hash = ? FOR UPDATE", ps -> ps.setBytes(1, hash.bytes()),
                JdbcMfaChallengeRepository::map);
    }

    @Override
    public void update(MfaChallenge challenge) {
        sql.update("UPDATE mfa_challenges SET failures = ? WHERE token_hash = ?", ps -> {
            ps.setInt(1, challenge.failures());
            ps.setBytes(2, challenge.hash().bytes());
        });
    }

    @Override
    public void delete(TokenHash hash) {
        sql.update("DELETE FROM mfa_challenges WHERE token_hash = ?", ps -> ps.setBytes(1, hash.bytes()));
    }

    @Override
    public void deleteAllOf(UserId userId) {
        sql.update("DELETE FROM mfa_challenges WHERE user_id = ?", ps -> ps.setObject(1, userId.value()));
    }

    @Override
    public int purgeExpired(Instant before) {
        return sql.update("DELETE FROM mfa_challenges WHERE expires_at < ?", ps -> PgSql.setInstant(ps, 1, before));
    }

    private static MfaChallenge map(ResultSet rs) throws SQLException {
        return new MfaChallenge(TokenHash.fromBytes(rs.getBytes("token_hash")), new UserId(PgSql.uuid(rs, "user_id")),
                PgSql.instant(rs, "password_changed_at"), PgSql.instant(rs, "created_at"), PgSql.instant(rs, "expires_at"),
                rs.getInt("failures"), dev.gatehouse.domain.session.Assurance.Method.ofCode(rs.getString("first_factor")));
    }
}
