package dev.gatehouse.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.application.error.NotAuthenticatedException;
import dev.gatehouse.application.fakes.Fixture;
import dev.gatehouse.application.port.in.IssuedTokens;
import dev.gatehouse.application.port.in.LogOutUseCase.LogOutCommand;
import dev.gatehouse.domain.session.Session.RevokeReason;
import dev.gatehouse.domain.user.User;
import org.junit.jupiter.api.Test;

class LogOutServiceTest {
    private final Fixture fx = new Fixture();
    private final LogOutService service = new LogOutService(fx.sessions, fx.transactions, fx.clock, fx.audit);
    private final User ann = fx.addUser("ann@example.com", "ann");
    private final IssuedTokens phone = fx.startSession(ann);
    private final IssuedTokens laptop = fx.startSession(ann);
    private final IssuedTokens bobs = fx.startSession(fx.addUser("bob@example.com", "bob"));

    private RevokeReason reasonOf(IssuedTokens tokens) {
        return fx.sessions.get(tokens.sessionId()).revokeReason();
    }

    @Test
    void endsTheSessionOfTheRefreshTokenOnly() {
        service.logOut(new LogOutCommand(phone.refresh(), false, null));
        assertEquals(RevokeReason.LOGOUT, reasonOf(phone));
        assertEquals(fx.clock.instant(), fx.sessions.get(phone.sessionId()).revokedAt());
        assertNull(reasonOf(laptop));
        assertNull(reasonOf(bobs));
    }

    @Test
    void logOutOfAllNeedsACaller() {
        assertThrows(NotAuthenticatedException.class, () -> service.logOut(new LogOutCommand(null, true, null)));
        assertNull(reasonOf(phone));
        assertNull(reasonOf(laptop));
    }

    @Test
    void logOutOfAllEndsEverySessionOfTheCaller() {
        service.logOut(new LogOutCommand(null, true, fx.principal(ann, phone)));
        assertEquals(RevokeReason.LOGOUT_ALL, reasonOf(phone));
        assertEquals(RevokeReason.LOGOUT_ALL, reasonOf(laptop));
        assertNull(reasonOf(bobs));
    }

    @Test
    void anUnknownOrMalformedTokenIsANoOp() {
        service.logOut(new LogOutCommand("A".repeat(43), false, null));
        service.logOut(new LogOutCommand("garbage", false, null));
        service.logOut(new LogOutCommand(null, false, null));
        assertEquals(0, fx.sessions.revocationsSaved);
        assertNull(reasonOf(phone));
        assertNull(reasonOf(laptop));
    }
}
