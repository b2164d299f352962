package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserId;
import dev.gatehouse.domain.user.Username;
import java.util.Optional;

public interface UserRepository {
    Optional<User> findById(UserId id);

    /** Case-insensitive, on the canonical form. */
    Optional<User> findByEmail(EmailAddress email);

    Optional<User> findByUsername(Username username);

    /**
     * The account a login identifier names: an email address or a username, compared
     * case-insensitively. When one account's email is another's username, the email wins.
     */
    Optional<User> findByLogin(String identifier);

    record Page(java.util.List<User> items, long total) {
    }

    /** The orders a user search can come in; ties are broken by id. */
    enum Order { NEWEST, OLDEST, EMAIL, LAST_LOGIN }

    /** Users whose email or username contains {@code query} (case-insensitive; all when blank), newest first. */
    default Page search(String query, int page, int size) {
        return search(query, Order.NEWEST, page, size);
    }

    /** As {@link #search(String, int, int)}, in {@code order} ({@code LAST_LOGIN}: most recent first, never last). */
    Page search(String query, Order order, int page, int size);

    /** @throws DuplicateUserException when the email or username is already taken */
    void insert(User user);

    /** @throws DuplicateUserException when the new email address or username is already taken */
    void update(User user);

    /**
     * Stores the user's {@code lastLogin} and nothing else (as Django's {@code update_last_login}). A sign-in reads
     * the user before its slow part (a hash, a code, a provider call): writing the whole row back then would undo a
     * password reset, a deactivation or a role change that committed meanwhile.
     */
    void recordLogin(User user);

    /** Deletes the user's row; its sessions and one-time tokens go with it. */
    void delete(UserId id);

    /**
     * Counts the active administrators and locks their rows until the transaction ends, so that two
     * concurrent demotions cannot both see "another admin remains".
     */
    int lockActiveAdmins();
}
