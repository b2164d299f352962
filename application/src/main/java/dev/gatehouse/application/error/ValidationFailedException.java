package dev.gatehouse.application.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One or more inputs break a rule; {@link #errors()} maps each field to its messages. */
public final class ValidationFailedException extends GatehouseException {
    private final Map<String, List<String>> errors;

    public ValidationFailedException(Map<String, List<String>> errors) {
        super("One or more fields are invalid.");
        this.errors = Map.copyOf(new LinkedHashMap<>(errors));
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
