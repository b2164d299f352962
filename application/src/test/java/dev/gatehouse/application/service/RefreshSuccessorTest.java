package dev.gatehouse.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.gatehouse.application.fakes.Fixture;
import dev.gatehouse.domain.token.OpaqueToken;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class RefreshSuccessorTest {
    private final SecureRandom random = new SecureRandom();
    private final OpaqueToken token = OpaqueToken.generate(random);

    @Test
    void isDeterministicForOneKey() {
        OpaqueToken successor = new RefreshSuccessor(Fixture.key((byte) 7)).of(token);
        assertEquals(successor.value(), new RefreshSuccessor(Fixture.key((byte) 7)).of(token).value());
        assertEquals(OpaqueToken.ENCODED_LENGTH, successor.value().length());
        assertNotEquals(token.value(), successor.value());
    }

    @Test
    void dependsOnTheKeyAndTheToken() {
        RefreshSuccessor successors = new RefreshSuccessor(Fixture.key((byte) 7));
        assertNotEquals(successors.of(token).value(), new RefreshSuccessor(Fixture.key((byte) 8)).of(token).value());
        assertNotEquals(successors.of(token).value(), successors.of(OpaqueToken.generate(random)).value());
    }
}
