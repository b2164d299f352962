package dev.gatehouse.application.error;

import dev.gatehouse.domain.shared.InvalidValueException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Collects field errors so a client hears about every broken field at once, not one per try. */
public final class FieldErrors {
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    public FieldErrors add(String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
        return this;
    }

    public FieldErrors addAll(String field, List<String> messages) {
        messages.forEach(m -> add(field, m));
        return this;
    }

    /** Runs a value-object constructor; a broken rule is recorded against the field and null returned. */
    public <T> T attempt(String field, Supplier<T> construct) {
        try {
            return construct.get();
        } catch (InvalidValueException e) {
            add(field, e.getMessage());
            return null;
        }
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public ValidationFailedException toException() {
        return new ValidationFailedException(errors);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
    }
}
