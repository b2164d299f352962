package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.SigningKeyStore;
import dev.gatehouse.application.port.out.Transactions;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;

@Singleton
public final class JdbcSigningKeyStore implements SigningKeyStore {
    /** Advisory lock id serialising key creation across instances ("gh-keys"). */
    private static final long KEY_CREATION_LOCK = 0x67682d6b657973L;
    private static final String SELECT = "SELECT kid, algorithm, public_jwk, private_key_enc, created_at, retired_at FROM signing_keys ";

    private final PgSql sql;
    private final Transactions transactions;

    JdbcSigningKeyStore(PgSql sql, Transactions transactions) {
        this.sql = sql;
        this.transactions = transactions;
    }

    @Override
    public List<StoredSigningKey> findAll() {
        return sql.list(SELECT + "ORDER BY created_at DESC", ps -> { }, JdbcSigningKeyStore::map);
    }

    @Override
    public StoredSigningKey activeOrCreate(Supplier<StoredSigningKey> create) {
        return transactions.inTransaction(() -> {
            lockKeys();
            return sql.one(SELECT + "WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1", ps -> { },
                    JdbcSigningKeyStore::map).orElseGet(() -> {
                StoredSigningKey key = create.get();
                insert(key);
                return key;
            });
        });
    }

    @Override
    public StoredSigningKey rotate(Supplier<StoredSigningKey> create, java.time.Instant now) {
        return transactions.inTransaction(() -> {
            lockKeys();
            sql.update("UPDATE signing_keys SET retired_at = ? WHERE retired_at IS NULL", ps -> PgSql.setInstant(ps, 1, now));
            StoredSigningKey key = create.get();
            insert(key);
            return key;
        });
    }

    private void insert(StoredSigningKey key) {
        sql.update("INSERT INTO signing_keys (kid, algorithm, public_jwk, private_key_enc, created_at) VALUES (?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, key.kid());
            ps.setString(2, key.algorithm());
            ps.setString(3, key.publicJwk());
            ps.setBytes(4, key.encryptedPrivateKey());
            PgSql.setInstant(ps, 5, key.createdAt());
        });
    }

    /** Serialises key creation and rotation across instances for the rest of the transaction. */
    private void lockKeys() {
        sql.one("SELECT pg_advisory_xact_lock(?)", ps -> ps.setLong(1, KEY_CREATION_LOCK), rs -> Boolean.TRUE);
    }

    private static StoredSigningKey map(ResultSet rs) throws SQLException {
        return new StoredSigningKey(rs.getString("kid"), rs.getString("algorithm"), rs.getString("public_jwk"),
                rs.getBytes("private_key_enc"), PgSql.instant(rs, "created_at"), PgSql.instant(rs, "retired_at"));
    }
}
