package dev.gatehouse.adapter.in.rest;

import dev.gatehouse.application.error.FieldErrors;
import dev.gatehouse.domain.user.PlainPassword;

/** Field checks shared by the controllers, with DRF's messages so existing clients read them. */
final class Fields {
    static final String REQUIRED = "This field is required.";
    static final String BLANK = "This field may not be blank.";

    private Fields() {
    }

    /** The value, or null with an error recorded when it is missing or blank. */
    static String required(FieldErrors errors, String field, String value) {
        if (value == null) {
            errors.add(field, REQUIRED);
            return null;
        }
        if (value.isBlank()) {
            errors.add(field, BLANK);
            return null;
        }
        return value;
    }

    static PlainPassword password(FieldErrors errors, String field, String value) {
        if (value == null) {
            errors.add(field, REQUIRED);
            return null;
        }
        if (value.isEmpty()) {
            errors.add(field, BLANK);
            return null;
        }
        // PlainPassword refuses text that is not valid Unicode (a lone surrogate): a field error, not a 500.
        return errors.attempt(field, () -> PlainPassword.of(value));
    }

    static PlainPassword optionalPassword(String value) {
        try {
            return value == null ? null : PlainPassword.of(value);
        } catch (dev.gatehouse.domain.shared.InvalidValueException e) {
            throw dev.gatehouse.application.error.ValidationFailedException.of("confirm_password", e.getMessage());
        }
    }
}
