package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.OneTimeTokenRepository;
import dev.gatehouse.domain.token.OneTimeToken;
import dev.gatehouse.domain.token.TokenHash;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.UserId;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

@Singleton
public final class JdbcOneTimeTokenRepository implements OneTimeTokenRepository {
    private final PgSql sql;

    JdbcOneTimeTokenRepository(PgSql sql) {
        this.sql = sql;
    }

    @Override
    public void issue(OneTimeToken token) {
        // One statement: the older unused tokens go, the new one comes.
        sql.update("WITH superseded AS (DELETE FROM one_time_tokens WHERE user_id = ? AND purpose = ? AND used_at IS NULL) "
                + "INSERT INTO one_time_tokens (token_hash, user_id, purpose, created_at, expires_at, password_changed_at, "
                + "new_email) VALUES (?, ?, ?, ?, ?, ?, ?)", ps -> {
            ps.setObject(1, token.userId().value());
            ps.setString(2, token.purpose().name());
            ps.setBytes(3, token.hash().bytes());
            ps.setObject(4, token.userId().value());
            ps.setString(5, token.purpose().name());
            PgSql.setInstant(ps, 6, token.createdAt());
            PgSql.setInstant(ps, 7, token.expiresAt());
            PgSql.setInstant(ps, 8, token.passwordChangedAt());
            ps.setString(9, token.newEmail() == null ? null : token.newEmail().value());
        });
    }

    @Override
    public Optional<OneTimeToken> find(TokenHash hash) {
        return sql.one("SELECT token_hash, user_id, purpose, created_at, expires_at, password_changed_at, used_at, new_email "
                + "FROM one_time_tokens WHERE token_hash = ?", ps -> ps.setBytes(1, hash.bytes()), JdbcOneTimeTokenRepository::map);
    }

    @Override
    public Optional<OneTimeToken> lock(TokenHash hash) {
        return sql.one("SELECT token_hash, user_id, purpose, created_at, expires_at, password_changed_at, used_at, new_email "
                + "FROM one_time_tokens WHERE token_hash = ? FOR UPDATE", ps -> ps.setBytes(1, hash.bytes()),
                JdbcOneTimeTokenRepository::map);
    }

    @Override
    public void markUsed(OneTimeToken used) {
        sql.update("UPDATE one_time_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL", ps -> {
            PgSql.setInstant(ps, 1, used.usedAt());
            ps.setBytes(2, used.hash().bytes());
        });
    }

    @Override
    public void discardUnused(UserId userId, OneTimeToken.Purpose purpose) {
        sql.update("DELETE FROM one_time_tokens WHERE user_id = ? AND purpose = ? AND used_at IS NULL", ps -> {
            ps.setObject(1, userId.value());
            ps.setString(2, purpose.name());
        });
    }

    private static OneTimeToken map(ResultSet rs) throws SQLException {
        String newEmail = rs.getString("new_email");
        return new OneTimeToken(TokenHash.fromBytes(rs.getBytes("token_hash")), new UserId(PgSql.uuid(rs, "user_id")),
                OneTimeToken.Purpose.valueOf(rs.getString("purpose")), PgSql.instant(rs, "created_at"),
                PgSql.instant(rs, "expires_at"), PgSql.instant(rs, "password_changed_at"), PgSql.instant(rs, "used_at"),
                newEmail == null ? null : new EmailAddress(newEmail));
    }
}
