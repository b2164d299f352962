package dev.gatehouse.adapter.in.rest;

import dev.gatehouse.application.error.FieldErrors;
import dev.gatehouse.application.port.in.ProviderCredential;

/** Reads a credential from request fields into its value object, with field errors for what cannot be one. */
public final class SocialCredentials {
    private SocialCredentials() {
    }

    public static ProviderCredential.IdToken idToken(String idToken, String nonce) {
        FieldErrors errors = new FieldErrors();
        String token = Fields.required(errors, "id_token", idToken);
        if (nonce != null && (nonce.isEmpty() || nonce.length() > 512)) {
            errors.add("nonce", "Ensure this field has 1 to 512 characters.");
        }
        if (token != null && token.length() > ProviderCredential.MAX_LENGTH) {
            errors.add("id_token", "Ensure this field has no more than " + ProviderCredential.MAX_LENGTH + " characters.");
        }
        errors.throwIfAny();
        return new ProviderCredential.IdToken(token, nonce);
    }

    /** A field that holds a credential: present, and not over the length any real one has. */
    public static String bounded(FieldErrors errors, String field, String value) {
        if (value != null && value.length() > ProviderCredential.MAX_LENGTH) {
            errors.add(field, "Ensure this field has no more than " + ProviderCredential.MAX_LENGTH + " characters.");
            return null;
        }
        return value;
    }
}
