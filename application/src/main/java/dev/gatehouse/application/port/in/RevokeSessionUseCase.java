package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.session.SessionId;

public interface RevokeSessionUseCase {
    /**
     * Ends one of the caller's own sessions.
     *
     * @throws dev.gatehouse.application.error.NotFoundException when it is not the caller's, or unknown
     */
    void revokeSession(Principal caller, SessionId sessionId);
}
