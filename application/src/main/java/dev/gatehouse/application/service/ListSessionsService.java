package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.ListSessionsUseCase;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.out.SessionRepository;
import java.time.Clock;
import java.util.List;

public final class ListSessionsService implements ListSessionsUseCase {
    private final SessionRepository sessions;
    private final Clock clock;

    public ListSessionsService(SessionRepository sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public List<SessionView> listSessions(Principal caller) {
        return sessions.findActiveOf(caller.user().id(), clock.instant()).stream()
                .map(s -> new SessionView(s, s.id().equals(caller.sessionId())))
                .toList();
    }
}
