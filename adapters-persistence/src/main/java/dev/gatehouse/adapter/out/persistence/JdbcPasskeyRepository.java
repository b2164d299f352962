package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.PasskeyRepository;
import dev.gatehouse.domain.passkey.Passkey;
import dev.gatehouse.domain.passkey.PasskeyId;
import dev.gatehouse.domain.passkey.PasskeyName;
import dev.gatehouse.domain.user.UserId;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

@Singleton
public final class JdbcPasskeyRepository implements PasskeyRepository {
    private static final String COLUMNS = "id, user_id, credential_id, credential_data, transports, backup_eligible, backed_up, "
            + "uv_initialized, sign_count, name, created_at, last_used_at";
    private final PgSql sql;

    JdbcPasskeyRepository(PgSql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(Passkey p) {
        try {
            sql.update("INSERT INTO passkeys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                ps.setObject(1, p.id().value());
                ps.setObject(2, p.userId().value());
                ps.setBytes(3, p.credentialId());
                ps.setBytes(4, p.credentialData());
                ps.setString(5, String.join(",", p.transports()));
                ps.setBoolean(6, p.backupEligible());
                ps.setBoolean(7, p.backedUp());
                ps.setBoolean(8, p.userVerifiedAtRegistration());
                ps.setLong(9, p.signCount());
                ps.setString(10, p.name().value());
                PgSql.setInstant(ps, 11, p.createdAt());
                PgSql.setInstant(ps, 12, p.lastUsedAt());
            });
        } catch (PgSql.UniqueViolation e) {
            throw new DuplicatePasskeyException();
        }
    }

    @Override
    public Optional<Passkey> findByCredentialId(byte[] credentialId) {
        return sql.one("SELECT " + COLUMNS + " FROM passkeys WHERE credential_id = ?", ps -> ps.setBytes(1, credentialId),
                JdbcPasskeyRepository::map);
    }

    @Override
    public List<Passkey> listFor(UserId user) {
        return sql.list("SELECT " + COLUMNS + " FROM passkeys WHERE user_id = ? ORDER BY created_at, id",
                ps -> ps.setObject(1, user.value()), JdbcPasskeyRepository::map);
    }

    @Override
    public Optional<Passkey> find(UserId user, PasskeyId id) {
        return sql.one("SELECT " + COLUMNS + " FROM passkeys WHERE id = ? AND user_id = ?", ps -> {
            ps.setObject(1, id.value());
            ps.setObject(2, user.value());
        }, JdbcPasskeyRepository::map);
    }

    @Override
    public void rename(Passkey p) {
        sql.update("UPDATE passkeys SET name = ? WHERE id = ?", ps -> {
            ps.setString(1, p.name().value());
            ps.setObject(2, p.id().value());
        });
    }

    @Override
    public boolean recordUse(Passkey p, long previousCount) {
        return sql.update("UPDATE passkeys SET sign_count = ?, backed_up = ?, last_used_at = ? WHERE id = ? AND sign_count = ?", ps -> {
            ps.setLong(1, p.signCount());
            ps.setBoolean(2, p.backedUp());
            PgSql.setInstant(ps, 3, p.lastUsedAt());
            ps.setObject(4, p.id().value());
            ps.setLong(5, previousCount);
        }) == 1;
    }

    @Override
    public boolean delete(UserId user, PasskeyId id) {
        return sql.update("DELETE FROM passkeys WHERE id = ? AND user_id = ?", ps -> {
            ps.setObject(1, id.value());
            ps.setObject(2, user.value());
        }) == 1;
    }

    private static Passkey map(ResultSet rs) throws SQLException {
        String transports = rs.getString("transports");
        return Passkey.reconstitute(new PasskeyId(PgSql.uuid(rs, "id")), new UserId(PgSql.uuid(rs, "user_id")),
                rs.getBytes("credential_id"), rs.getBytes("credential_data"),
                transports.isEmpty() ? List.of() : Arrays.asList(transports.split(",")),
                rs.getBoolean("backup_eligible"), rs.getBoolean("uv_initialized"), PgSql.instant(rs, "created_at"),
                new PasskeyName(rs.getString("name")), rs.getLong("sign_count"), rs.getBoolean("backed_up"),
                PgSql.instant(rs, "last_used_at"));
    }
}
