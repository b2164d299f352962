package dev.gatehouse.application.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One or more inputs break a rule; {@link #errors()} maps each field to its messages. */
public final class ValidationFailedException extends GatehouseException {
    private final Map<String, List<String>> errors;

    public ValidationFailedException(Map<String, List<String>> errors) {
        super("One or more fields are invalid.");
        // Field order is kept (clients show errors in form order), and nothing outside can change them.
        Map<String, List<String>> copy = new LinkedHashMap<>();
        errors.forEach((field, messages) -> copy.put(field, List.copyOf(messages)));
        this.errors = Collections.unmodifiableMap(copy);
    }

    public static ValidationFailedException of(String field, String message) {
        return new ValidationFailedException(Map.of(field, List.of(message)));
    }

    public Map<String, List<String>> errors() {
        return errors;
    }

    @Override
    public String code() {
        return "validation_failed";
    }
}
