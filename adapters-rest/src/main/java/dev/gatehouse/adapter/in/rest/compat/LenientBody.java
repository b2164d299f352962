package dev.gatehouse.adapter.in.rest.compat;

import dev.gatehouse.application.error.FieldErrors;
import dev.gatehouse.domain.user.PlainPassword;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request body read the way Django REST framework serializers read one: fields nobody asked for are
 * ignored, the fields asked for are type-checked, and every problem is reported against its field with
 * DRF's own wording. The size of the whole body is bounded by the server (64 KiB, else 413); the value
 * objects built from these strings check their own lengths.
 */
public final class LenientBody {
    public static final String REQUIRED = "This field is required.";
    public static final String BLANK = "This field may not be blank.";
    public static final String NULL = "This field may not be null.";
    public static final String NOT_A_STRING = "Not a valid string.";

    private final Map<String, Object> values;

    private LenientBody(Map<String, Object> values) {
        this.values = values;
    }

    /** A missing body counts as an empty object: every required field is then reported as missing. */
    public static LenientBody of(Map<String, Object> body) {
        return new LenientBody(body == null ? Map.of() : body);
    }

    /**
     * As {@link #of(Map)}, reading a form body (urlencoded or multipart, which jQuery, HTML forms and
     * {@code FormData} send) as DRF's QueryDict does: a repeated field counts with its last value.
     */
    public static LenientBody of(Object body, HttpRequest<?> request) {
        if (body != null && !(body instanceof Map<?, ?>)) {
            throw new BodyNotAnObjectException(body);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) body;
        return read(fields, request);
    }

    private static LenientBody read(Map<String, Object> body, HttpRequest<?> request) {
        boolean form = request.getContentType()
                .map(type -> type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE) || type.matches(MediaType.MULTIPART_FORM_DATA_TYPE))
                .orElse(false);
        if (!form || body == null) {
            return of(body);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        body.forEach((field, value) -> values.put(field, value instanceof List<?> list && !list.isEmpty() ? list.getLast() : value));
        return new LenientBody(values);
    }

    public boolean has(String field) {
        return values.containsKey(field);
    }

    /** Sent, as JSON {@code null}. */
    public boolean isNull(String field) {
        return values.containsKey(field) && values.get(field) == null;
    }

    /**
     * The field as a string: absent or null gives null with no error; a number is taken as its decimal
     * text (as DRF's CharField does); an object, array or boolean is an error.
     */
    public String optional(FieldErrors errors, String field) {
        Object value = values.get(field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        errors.add(field, NOT_A_STRING);
        return null;
    }

    /** The field as a non-blank string, or null with an error recorded. */
    public String required(FieldErrors errors, String field) {
        String value = present(errors, field);
        if (value != null && value.isBlank()) {
            errors.add(field, BLANK);
            return null;
        }
        return value;
    }

    /** A required password: present and not empty (spaces count: passwords are never trimmed). */
    public PlainPassword password(FieldErrors errors, String field) {
        String value = present(errors, field);
        if (value != null && value.isEmpty()) {
            errors.add(field, BLANK);
            return null;
        }
        return value == null ? null : errors.attempt(field, () -> PlainPassword.of(value));
    }

    /** The field as a string when it was sent and not null; otherwise null with the error recorded. */
    private String present(FieldErrors errors, String field) {
        if (!values.containsKey(field)) {
            errors.add(field, REQUIRED);
            return null;
        }
        if (values.get(field) == null) {
            errors.add(field, NULL);
            return null;
        }
        return optional(errors, field);
    }
}
