package dev.gatehouse.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.application.error.NotFoundException;
import dev.gatehouse.application.fakes.Fixture;
import dev.gatehouse.application.port.in.IssuedTokens;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.domain.session.Session.RevokeReason;
import dev.gatehouse.domain.session.SessionId;
import dev.gatehouse.domain.user.User;
import org.junit.jupiter.api.Test;

class RevokeSessionServiceTest {
    private final Fixture fx = new Fixture();
    private final RevokeSessionService service = new RevokeSessionService(fx.sessions, fx.transactions, fx.clock, fx.audit);
    private final User ann = fx.addUser("ann@example.com", "ann");
    private final IssuedTokens annsPhone = fx.startSession(ann);
    private final IssuedTokens annsLaptop = fx.startSession(ann);
    private final IssuedTokens bobs = fx.startSession(fx.addUser("bob@example.com", "bob"));
    private final Principal caller = fx.principal(ann, annsPhone);

    @Test
    void revokesOneOfTheCallersOwnSessions() {
        service.revokeSession(caller, annsLaptop.sessionId());
        assertEquals(RevokeReason.USER_REVOKED, fx.sessions.get(annsLaptop.sessionId()).revokeReason());
        assertNull(fx.sessions.get(annsPhone.sessionId()).revokedAt());
    }

    @Test
    void someoneElsesSessionIsNotFound() {
        assertThrows(NotFoundException.class, () -> service.revokeSession(caller, bobs.sessionId()));
        assertNull(fx.sessions.get(bobs.sessionId()).revokedAt());
        assertThrows(NotFoundException.class, () -> service.revokeSession(caller, SessionId.newId(fx.clock.instant())));
    }
}
