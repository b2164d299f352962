package dev.gatehouse.application.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationFailedExceptionTest {
    @Test
    void keepsFieldOrderAndCannotBeChangedAfterwards() {
        FieldErrors errors = new FieldErrors().add("zeta", "z").add("alpha", "a").add("email", "e1");
        ValidationFailedException exception = errors.toException();
        errors.add("email", "e2");
        assertEquals(List.of("zeta", "alpha", "email"), List.copyOf(exception.errors().keySet()));
        assertEquals(List.of("e1"), exception.errors().get("email"));
        assertThrows(UnsupportedOperationException.class, () -> exception.errors().get("zeta").add("x"));
    }
}
