package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserId;
import java.util.List;

/** The admin API's user operations. Every method needs an administrator as caller. */
public interface AdministerUsersUseCase {
    record UserPage(List<User> items, int page, int size, long total) {
    }

    /** Changes to make; null fields stay as they are. */
    record UserChanges(Boolean active, Role role, Boolean emailVerified) {
    }

    /** How a search is ordered; {@code LAST_LOGIN} puts the most recent sign-in first and never-signed-in last. */
    enum Sort { NEWEST, OLDEST, EMAIL, LAST_LOGIN }

    /** Newest first. */
    default UserPage search(Principal admin, String query, int page, int size) {
        return search(admin, query, Sort.NEWEST, page, size);
    }

    UserPage search(Principal admin, String query, Sort sort, int page, int size);

    User get(Principal admin, UserId id);

    /** Deactivating a user revokes all of their sessions. */
    User update(Principal admin, UserId id, UserChanges changes);

    /** Revokes every session of the user; returns how many. */
    int logOutEverywhere(Principal admin, UserId id);
}
