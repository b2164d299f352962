package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.SecondFactorRepository;
import dev.gatehouse.domain.mfa.TotpEnrolment;
import dev.gatehouse.domain.mfa.TotpSecret;
import dev.gatehouse.domain.token.TokenHash;
import dev.gatehouse.domain.user.UserId;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Authenticator apps (secrets sealed, bound to their user) and recovery-code hashes in PostgreSQL. */
@Singleton
public final class JdbcSecondFactorRepository implements SecondFactorRepository {
    private static final String COLUMNS = "user_id, secret, activation_hash, created_at, confirmed_at, last_used_step, last_used_at";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JdbcSecondFactorRepository.class);
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private final PgSql sql;
    private final MfaSecretSealer sealer;

    JdbcSecondFactorRepository(PgSql sql, MfaSecretSealer sealer) {
        this.sql = sql;
        this.sealer = sealer;
    }

    /** The user id is the associated data: a sealed secret copied to another user's row does not open. */
    private static String context(UserId user) {
        return "totp-secret:" + user.value();
    }

    @Override
    public Optional<TotpEnrolment> findTotp(UserId userId) {
        return sql.one("SELECT " + COLUMNS + " FROM mfa_totp WHERE user_id = ?", ps -> ps.setObject(1, userId.value()), this::map);
    }

    @Override
    public Optional<TotpEnrolment> lockTotp(UserId userId) {
        return sql.one("SELECT " + COLUMNS + " FROM mfa_totp WHERE user_id = ? FOR UPDATE", ps -> ps.setObject(1, userId.value()),
                this::map);
    }

    @Override
    public void savePending(TotpEnrolment pending) {
        byte[] sealed = sealer.seal(pending.secret().bytes(), context(pending.userId()));
        sql.update("INSERT INTO mfa_totp (user_id, secret, activation_hash, created_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (user_id) DO UPDATE SET secret = EXCLUDED.secret, activation_hash = EXCLUDED.activation_hash, "
                + "created_at = EXCLUDED.created_at, confirmed_at = NULL, last_used_step = NULL, last_used_at = NULL "
                + "WHERE mfa_totp.confirmed_at IS NULL", ps -> {
            ps.setObject(1, pending.userId().value());
            ps.setBytes(2, sealed);
            ps.setBytes(3, pending.activation() == null ? null : pending.activation().bytes());
            PgSql.setInstant(ps, 4, pending.createdAt());
        });
    }

    @Override
    public void update(TotpEnrolment enrolment) {
        sql.update("UPDATE mfa_totp SET confirmed_at = ?, last_used_step = ?, last_used_at = ? WHERE user_id = ?", ps -> {
            PgSql.setInstant(ps, 1, enrolment.confirmedAt());
            if (enrolment.lastUsedStep() == null) {
                ps.setNull(2, java.sql.Types.BIGINT);
            } else {
                ps.setLong(2, enrolment.lastUsedStep());
            }
            PgSql.setInstant(ps, 3, enrolment.lastUsedAt());
            ps.setObject(4, enrolment.userId().value());
        });
    }

    @Override
    public void deleteAll(UserId userId) {
        sql.update("WITH codes AS (DELETE FROM mfa_recovery_codes WHERE user_id = ?) DELETE FROM mfa_totp WHERE user_id = ?", ps -> {
            ps.setObject(1, userId.value());
            ps.setObject(2, userId.value());
        });
    }

    @Override
    public void replaceRecoveryCodes(UserId userId, List<TokenHash> hashes, Instant now) {
        sql.update("DELETE FROM mfa_recovery_codes WHERE user_id = ?", ps -> ps.setObject(1, userId.value()));
        if (hashes.isEmpty()) {
            return;
        }
        String rows = String.join(", ", java.util.Collections.nCopies(hashes.size(), "(?, ?, ?)"));
        sql.update("INSERT INTO mfa_recovery_codes (user_id, code_hash, created_at) VALUES " + rows, ps -> {
            int i = 1;
            for (TokenHash hash : hashes) {
                ps.setObject(i++, userId.value());
                ps.setBytes(i++, hash.bytes());
                PgSql.setInstant(ps, i++, now);
            }
        });
    }

    @Override
    public boolean spendRecoveryCode(UserId userId, TokenHash hash, Instant now) {
        return sql.update("UPDATE mfa_recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL", ps -> {
            PgSql.setInstant(ps, 1, now);
            ps.setObject(2, userId.value());
            ps.setBytes(3, hash.bytes());
        }) == 1;
    }

    @Override
    public int recoveryCodesLeft(UserId userId) {
        return sql.one("SELECT count(*) FROM mfa_recovery_codes WHERE user_id = ? AND used_at IS NULL",
                ps -> ps.setObject(1, userId.value()), rs -> rs.getInt(1)).orElse(0);
    }

    /**
     * A secret sealed under another master key cannot be opened. MFA stays on and fails closed: a secret
     * nobody knows stands in, so no app code matches, while recovery codes (hashes, no key needed) and an
     * administrator's reset still let the user in.
     */
    private TotpSecret open(UserId user, byte[] sealed) {
        try {
            return TotpSecret.fromBytes(sealer.open(sealed, context(user)));
        } catch (IllegalStateException e) {
            LOG.warn("The TOTP secret of user {} cannot be opened (was AUTH_MASTER_KEY changed?): its app codes are refused; "
                    + "a recovery code or DELETE /api/admin/users/{}/mfa lets the user in", user, user);
            return TotpSecret.generate(RANDOM);
        }
    }

    private TotpEnrolment map(ResultSet rs) throws SQLException {
        UserId user = new UserId(PgSql.uuid(rs, "user_id"));
        byte[] activation = rs.getBytes("activation_hash");
        long step = rs.getLong("last_used_step");
        Long lastUsedStep = rs.wasNull() ? null : step;
        return new TotpEnrolment(user, open(user, rs.getBytes("secret")),
                PgSql.instant(rs, "created_at"), PgSql.instant(rs, "confirmed_at"), lastUsedStep, PgSql.instant(rs, "last_used_at"),
                activation == null ? null : TokenHash.fromBytes(activation));
    }
}
