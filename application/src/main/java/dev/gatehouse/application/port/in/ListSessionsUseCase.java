package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.session.Session;
import java.util.List;

public interface ListSessionsUseCase {
    record SessionView(Session session, boolean current) {
    }

    /** The caller's live sessions, newest first. */
    List<SessionView> listSessions(Principal caller);
}
