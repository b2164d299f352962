package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.DuplicateUserException;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserId;
import dev.gatehouse.domain.user.Username;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

@Singleton
public final class JdbcUserRepository implements UserRepository {
    private static final String SELECT = "SELECT " + UserRows.COLUMNS + " FROM users u ";

    private final PgSql sql;
    private final SessionLookupCache sessionCache;

    JdbcUserRepository(PgSql sql, SessionLookupCache sessionCache) {
        this.sql = sql;
        this.sessionCache = sessionCache;
    }

    @Override
    public Optional<User> findById(UserId id) {
        return sql.one(SELECT + "WHERE u.id = ?", ps -> ps.setObject(1, id.value()), UserRows::map);
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        return sql.one(SELECT + "WHERE u.email_canonical = ?", ps -> ps.setString(1, email.canonical()), UserRows::map);
    }

    @Override
    public Optional<User> findByUsername(Username username) {
        return sql.one(SELECT + "WHERE u.username_canonical = ?", ps -> ps.setString(1, username.canonical()), UserRows::map);
    }

    @Override
    public Optional<User> findByLogin(String identifier) {
        // The identifier may be either: compare each column with the canonical form of its own kind.
        String asUsername = Username.canonicalOf(identifier);
        String asEmail = EmailAddress.canonicalOf(identifier).orElse(asUsername);
        return sql.one(SELECT + "WHERE u.email_canonical = ? OR u.username_canonical = ? "
                        + "ORDER BY (u.email_canonical = ?) DESC LIMIT 1",
                ps -> {
                    ps.setString(1, asEmail);
                    ps.setString(2, asUsername);
                    ps.setString(3, asEmail);
                }, UserRows::map);
    }

    @Override
    public Page search(String query, Order order, int page, int size) {
        // Canonical, like the columns searched: a whole address matches in its IDNA ASCII form.
        String q = query == null ? "" : EmailAddress.canonicalOf(query).orElse(Username.canonicalOf(query));
        // LIKE metacharacters in the query are matched literally.
        String pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String where = q.isEmpty() ? "" : "WHERE u.email_canonical LIKE ? OR u.username_canonical LIKE ? ";
        long total = sql.one("SELECT count(*) FROM users u " + where, ps -> {
            if (!q.isEmpty()) {
                ps.setString(1, pattern);
                ps.setString(2, pattern);
            }
        }, rs -> rs.getLong(1)).orElse(0L);
        String orderBy = switch (order) {
            case NEWEST -> "ORDER BY u.date_joined DESC, u.id ";
            case OLDEST -> "ORDER BY u.date_joined, u.id ";
            case EMAIL -> "ORDER BY u.email_canonical, u.id ";
            case LAST_LOGIN -> "ORDER BY u.last_login DESC NULLS LAST, u.id ";
        };
        java.util.List<User> items = sql.list(SELECT + where + orderBy + "LIMIT ? OFFSET ?", ps -> {
            int i = 1;
            if (!q.isEmpty()) {
                ps.setString(i++, pattern);
                ps.setString(i++, pattern);
            }
            ps.setInt(i++, size);
            ps.setLong(i, (long) page * size);
        }, UserRows::map);
        return new Page(items, total);
    }

    @Override
    public void insert(User user) {
        try {
            sql.update("INSERT INTO users (id, email, email_canonical, username, username_canonical, first_name, last_name, "
                    + "phone_number, avatar, role, is_active, email_verified, password_hash, password_changed_at, "
                    + "date_joined, last_login, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                ps.setObject(1, user.id().value());
                ps.setString(2, user.email().value());
                ps.setString(3, user.email().canonical());
                int next = bindMutable(ps, 4, user);
                PgSql.setInstant(ps, next, user.dateJoined());
                PgSql.setInstant(ps, next + 1, user.lastLogin());
                PgSql.setInstant(ps, next + 2, user.updatedAt());
            });
        } catch (PgSql.UniqueViolation e) {
            throw duplicate(e);
        }
    }

    @Override
    public void update(User user) {
        // Whole seconds, as every time the API shows; never before the account's own last write.
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant written = now.isAfter(user.updatedAt()) ? now : user.updatedAt();
        // Cached sessions carry the user (role, active, profile): none may outlive this change.
        sessionCache.evictUser(user.id());
        try {
            sql.update("UPDATE users SET email = ?, email_canonical = ?, username = ?, username_canonical = ?, first_name = ?, "
                    + "last_name = ?, phone_number = ?, avatar = ?, role = ?, is_active = ?, email_verified = ?, password_hash = ?, "
                    + "password_changed_at = ?, last_login = ?, updated_at = ? WHERE id = ?", ps -> {
                ps.setString(1, user.email().value());
                ps.setString(2, user.email().canonical());
                int next = bindMutable(ps, 3, user);
                PgSql.setInstant(ps, next, user.lastLogin());
                PgSql.setInstant(ps, next + 1, written);
                ps.setObject(next + 2, user.id().value());
            });
            user.markWritten(written);
        } catch (PgSql.UniqueViolation e) {
            throw duplicate(e);
        }
    }

    @Override
    public void recordLogin(User user) {
        sessionCache.evictUser(user.id());
        sql.update("UPDATE users SET last_login = ? WHERE id = ?", ps -> {
            PgSql.setInstant(ps, 1, user.lastLogin());
            ps.setObject(2, user.id().value());
        });
    }

    @Override
    public void delete(UserId id) {
        sessionCache.evictUser(id);
        sql.update("DELETE FROM users WHERE id = ?", ps -> ps.setObject(1, id.value()));
    }

    @Override
    public int lockActiveAdmins() {
        return sql.list("SELECT id FROM users WHERE role = 'admin' AND is_active FOR UPDATE", ps -> { }, rs -> rs.getObject(1))
                .size();
    }

    /** Binds username … password_changed_at from {@code index}; returns the next free index. */
    private static int bindMutable(PreparedStatement ps, int index, User user) throws SQLException {
        Username username = user.username();
        ps.setString(index, username == null ? null : username.value());
        ps.setString(index + 1, username == null ? null : username.canonical());
        ps.setString(index + 2, user.profile().firstName());
        ps.setString(index + 3, user.profile().lastName());
        ps.setString(index + 4, user.profile().phoneNumber());
        ps.setString(index + 5, user.profile().avatar());
        ps.setString(index + 6, user.role().code());
        ps.setBoolean(index + 7, user.isActive());
        ps.setBoolean(index + 8, user.isEmailVerified());
        ps.setString(index + 9, user.passwordHash().phc());
        PgSql.setInstant(ps, index + 10, user.passwordChangedAt());
        return index + 11;
    }

    private static DuplicateUserException duplicate(PgSql.UniqueViolation e) {
        return new DuplicateUserException(e.constraint.contains("username")
                ? DuplicateUserException.Field.USERNAME : DuplicateUserException.Field.EMAIL);
    }
}
