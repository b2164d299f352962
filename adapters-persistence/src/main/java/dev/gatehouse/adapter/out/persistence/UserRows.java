package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.PasswordHash;
import dev.gatehouse.domain.user.Profile;
import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserId;
import dev.gatehouse.domain.user.Username;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads a user from a row; the column list is shared with the queries that join users in. */
final class UserRows {
    static final String COLUMNS = "u.id, u.email, u.username, u.first_name, u.last_name, u.phone_number, u.avatar, u.role, "
            + "u.is_active, u.email_verified, u.password_hash, u.password_changed_at, u.date_joined, u.last_login, u.updated_at";

    private UserRows() {
    }

    static User map(ResultSet rs) throws SQLException {
        String username = rs.getString("username");
        Profile profile = new Profile(username == null ? null : new Username(username), rs.getString("first_name"),
                rs.getString("last_name"), rs.getString("phone_number"), rs.getString("avatar"));
        return User.reconstitute(new UserId(PgSql.uuid(rs, "id")), new EmailAddress(rs.getString("email")), profile,
                Role.fromCode(rs.getString("role")), rs.getBoolean("is_active"), rs.getBoolean("email_verified"),
                new PasswordHash(rs.getString("password_hash")), PgSql.instant(rs, "password_changed_at"),
                PgSql.instant(rs, "date_joined"), PgSql.instant(rs, "last_login"), PgSql.instant(rs, "updated_at"));
    }
}
