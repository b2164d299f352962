package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.session.Session;
import dev.gatehouse.domain.session.SessionId;
import dev.gatehouse.domain.user.UserId;
import java.util.List;

/** One user's sessions, as an administrator sees and ends them. Administrators only. */
public interface AdministerUserSessionsUseCase {
    /** The user's live sessions, newest first. */
    List<Session> sessionsOf(Principal admin, UserId user);

    /**
     * Ends one session of the user; audited with the administrator as actor.
     *
     * @throws dev.gatehouse.application.error.NotFoundException no such live session of that user
     */
    void revokeSession(Principal admin, UserId user, SessionId session);
}
