package dev.gatehouse.adapter.in.rest;

import dev.gatehouse.application.error.FieldErrors;
import dev.gatehouse.domain.passkey.PasskeyId;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads what the passkey routes of every dialect receive: the browser's credential JSON and our passkey ids. */
@Singleton
public final class PasskeyCredentials {
    public static final String NOT_AN_OBJECT = "Must be the JSON object PublicKeyCredential.toJSON() returns.";
    private final JsonMapper json;

    public PasskeyCredentials(JsonMapper json) {
        this.json = json;
    }

    /**
     * The credential as JSON text for the verifier: an object is written back out, a string is taken as that JSON.
     * Anything else is a field error (the request size limit bounds either).
     */
    public String credential(FieldErrors errors, String field, Object value) {
        if (value == null) {
            errors.add(field, Fields.REQUIRED);
            return null;
        }
        if (value instanceof String text && text.strip().startsWith("{")) {
            return text;
        }
        if (value instanceof Map<?, ?> map) {
            try {
                return json.writeValueAsString(map);
            } catch (IOException e) {
                errors.add(field, NOT_AN_OBJECT);
                return null;
            }
        }
        errors.add(field, NOT_AN_OBJECT);
        return null;
    }

    /** A passkey id from a path: malformed ids are simply not found. */
    public static Optional<PasskeyId> id(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PasskeyId(UUID.fromString(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
