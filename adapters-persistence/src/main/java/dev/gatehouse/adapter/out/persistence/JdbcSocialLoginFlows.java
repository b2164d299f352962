package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.ProviderIdentity;
import dev.gatehouse.application.port.out.SocialLoginFlows;
import dev.gatehouse.domain.token.TokenHash;
import dev.gatehouse.domain.user.UserId;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Browser-flow state in PostgreSQL, so that any instance finishes a flow another began. Taking a row
 * deletes it in the same statement ({@code DELETE … RETURNING}): of two racing callbacks with the same state,
 * exactly one gets it. Keys are hashes; what must be read back (the PKCE verifier, the nonce, a connection's
 * identity) is sealed with a context naming the row, so a sealed value cannot be moved to another row.
 */
@Singleton
public final class JdbcSocialLoginFlows implements SocialLoginFlows {
    private static final String AUTHORIZATION = "oauth-authorization/v1:";
    private static final String CODE = "oauth-code/v1:";
    private final PgSql sql;
    private final Sealer sealer;

    JdbcSocialLoginFlows(PgSql sql, Sealer sealer) {
        this.sql = sql;
        this.sealer = sealer;
    }

    @Override
    public void begin(PendingAuthorization pending, Instant now) {
        byte[] secrets = sealer.seal(encode(pending.codeVerifier(), pending.nonce(), pending.clientChallenge()), AUTHORIZATION + hex(pending.state()));
        // Expired flows go with each new one: nothing else has to sweep the table.
        sql.update("WITH expired AS (DELETE FROM oauth_authorizations WHERE expires_at < ?) "
                + "INSERT INTO oauth_authorizations (state_hash, provider, redirect_to, intent, secrets, created_at, expires_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", ps -> {
            PgSql.setInstant(ps, 1, now);
            ps.setBytes(2, pending.state().bytes());
            ps.setString(3, pending.provider());
            ps.setString(4, pending.redirectTo());
            ps.setString(5, pending.intent().name());
            ps.setBytes(6, secrets);
            PgSql.setInstant(ps, 7, now);
            PgSql.setInstant(ps, 8, pending.expiresAt());
        });
    }

    @Override
    public Optional<PendingAuthorization> take(TokenHash state, Instant now) {
        return sql.one("DELETE FROM oauth_authorizations WHERE state_hash = ? "
                + "RETURNING state_hash, provider, redirect_to, intent, secrets, expires_at", ps -> ps.setBytes(1, state.bytes()), rs -> {
            TokenHash hash = TokenHash.fromBytes(rs.getBytes("state_hash"));
            String[] secrets = decode(sealer.open(rs.getBytes("secrets"), AUTHORIZATION + hex(hash)), 3);
            return new PendingAuthorization(hash, rs.getString("provider"), rs.getString("redirect_to"),
                    Intent.valueOf(rs.getString("intent")), secrets[0], secrets[1], secrets[2], PgSql.instant(rs, "expires_at"));
        }).filter(p -> p.expiresAt().isAfter(now));
    }

    @Override
    public void issue(FlowCode code, Instant now) {
        byte[] identity = code.identity() == null ? null : sealer.seal(encode(code.identity()), CODE + hex(code.code()));
        sql.update("WITH expired AS (DELETE FROM oauth_codes WHERE expires_at < ?) "
                + "INSERT INTO oauth_codes (code_hash, intent, provider, user_id, identity, client_challenge, created_at, expires_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
            PgSql.setInstant(ps, 1, now);
            ps.setBytes(2, code.code().bytes());
            ps.setString(3, code.intent().name());
            ps.setString(4, code.provider());
            ps.setObject(5, code.user() == null ? null : code.user().value());
            ps.setBytes(6, identity);
            ps.setString(7, code.clientChallenge());
            PgSql.setInstant(ps, 8, now);
            PgSql.setInstant(ps, 9, code.expiresAt());
        });
    }

    @Override
    public Optional<FlowCode> redeem(TokenHash code, Instant now) {
        return sql.one("DELETE FROM oauth_codes WHERE code_hash = ? "
                + "RETURNING code_hash, intent, provider, user_id, identity, client_challenge, expires_at", ps -> ps.setBytes(1, code.bytes()),
                this::mapCode).filter(c -> c.expiresAt().isAfter(now));
    }

    private FlowCode mapCode(ResultSet rs) throws SQLException {
        TokenHash hash = TokenHash.fromBytes(rs.getBytes("code_hash"));
        UUID user = PgSql.uuid(rs, "user_id");
        byte[] sealed = rs.getBytes("identity");
        ProviderIdentity identity = null;
        if (sealed != null) {
            String[] f = decode(sealer.open(sealed, CODE + hex(hash)), 5);
            identity = new ProviderIdentity(f[0], f[1], Boolean.parseBoolean(f[2]), f[3], f[4]);
        }
        return new FlowCode(hash, Intent.valueOf(rs.getString("intent")), rs.getString("provider"),
                user == null ? null : new UserId(user), identity, rs.getString("client_challenge"), PgSql.instant(rs, "expires_at"));
    }

    private static byte[] encode(ProviderIdentity identity) {
        return encode(identity.subject(), identity.email(), Boolean.toString(identity.emailVerified()), identity.givenName(),
                identity.familyName());
    }

    /** Each value as a presence flag and UTF: nulls survive the round trip. */
    private static byte[] encode(String... values) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (String value : values) {
                out.writeBoolean(value != null);
                if (value != null) {
                    out.writeUTF(value);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String[] decode(byte[] bytes, int count) {
        String[] values = new String[count];
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            for (int i = 0; i < count; i++) {
                values[i] = in.readBoolean() ? in.readUTF() : null;
            }
        } catch (IOException e) {
            throw new IllegalStateException("sealed flow state is malformed", e);
        }
        return values;
    }

    private static String hex(TokenHash hash) {
        return java.util.HexFormat.of().formatHex(hash.bytes());
    }
}
