package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.IdentityRepository;
import dev.gatehouse.domain.identity.ExternalIdentity;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.UserId;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Singleton
public final class JdbcIdentityRepository implements IdentityRepository {
    private static final String COLUMNS = "id, user_id, provider, subject, email, created_at, last_login";
    private final PgSql sql;

    JdbcIdentityRepository(PgSql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<ExternalIdentity> find(String provider, String subject) {
        return sql.one("SELECT " + COLUMNS + " FROM identities WHERE provider = ? AND subject = ?", ps -> {
            ps.setString(1, provider);
            ps.setString(2, subject);
        }, JdbcIdentityRepository::map);
    }

    @Override
    public List<ExternalIdentity> ofUser(UserId user) {
        return sql.list("SELECT " + COLUMNS + " FROM identities WHERE user_id = ? ORDER BY created_at, id",
                ps -> ps.setObject(1, user.value()), JdbcIdentityRepository::map);
    }

    @Override
    public List<ExternalIdentity> lockOfUser(UserId user) {
        return sql.list("SELECT " + COLUMNS + " FROM identities WHERE user_id = ? ORDER BY created_at, id FOR UPDATE",
                ps -> ps.setObject(1, user.value()), JdbcIdentityRepository::map);
    }

    @Override
    public void insert(ExternalIdentity identity) {
        try {
            sql.update("INSERT INTO identities (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", ps -> {
                ps.setObject(1, identity.id());
                ps.setObject(2, identity.userId().value());
                ps.setString(3, identity.provider());
                ps.setString(4, identity.subject());
                ps.setString(5, identity.email() == null ? null : identity.email().value());
                PgSql.setInstant(ps, 6, identity.createdAt());
                PgSql.setInstant(ps, 7, identity.lastLogin());
            });
        } catch (PgSql.UniqueViolation e) {
            throw new DuplicateIdentityException();
        }
    }

    @Override
    public void update(ExternalIdentity identity) {
        sql.update("UPDATE identities SET email = ?, last_login = ? WHERE id = ?", ps -> {
            ps.setString(1, identity.email() == null ? null : identity.email().value());
            PgSql.setInstant(ps, 2, identity.lastLogin());
            ps.setObject(3, identity.id());
        });
    }

    @Override
    public boolean delete(UserId user, UUID id) {
        return sql.update("DELETE FROM identities WHERE id = ? AND user_id = ?", ps -> {
            ps.setObject(1, id);
            ps.setObject(2, user.value());
        }) > 0;
    }

    private static ExternalIdentity map(ResultSet rs) throws SQLException {
        String email = rs.getString("email");
        return new ExternalIdentity(PgSql.uuid(rs, "id"), new UserId(PgSql.uuid(rs, "user_id")), rs.getString("provider"),
                rs.getString("subject"), email == null ? null : new EmailAddress(email), PgSql.instant(rs, "created_at"),
                PgSql.instant(rs, "last_login"));
    }
}
