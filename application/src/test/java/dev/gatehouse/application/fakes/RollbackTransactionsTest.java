package dev.gatehouse.application.fakes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.domain.session.Session;
import org.junit.jupiter.api.Test;

/** The refresh tests rely on this fake really undoing work that throws. */
class RollbackTransactionsTest {

    @Test
    void undoesEveryWriteOfWorkThatThrows() {
        Fixture fx = new Fixture();
        var user = fx.addUser("ann@example.com", "ann");
        var tokens = fx.startSession(user);
        IllegalStateException boom = new IllegalStateException("boom");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> fx.transactions.run(() -> {
            fx.addUser("bob@example.com", "bob");
            Session s = fx.sessions.get(tokens.sessionId());
            s.revoke(fx.clock.instant(), Session.RevokeReason.LOGOUT);
            fx.sessions.saveRevocation(s);
            throw boom;
        }));

        assertSame(boom, thrown);
        assertEquals(1, fx.users.count());
        assertTrue(fx.sessions.get(tokens.sessionId()).isActive(fx.clock.instant()));
        assertEquals(1, fx.transactions.rolledBack);
    }
}
