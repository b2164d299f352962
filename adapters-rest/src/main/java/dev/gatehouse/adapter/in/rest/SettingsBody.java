package dev.gatehouse.adapter.in.rest;

import dev.gatehouse.application.error.FieldErrors;
import dev.gatehouse.application.error.SettingsRejectedException;
import dev.gatehouse.application.error.ValidationFailedException;
import dev.gatehouse.application.port.in.ManageSettingsUseCase;
import dev.gatehouse.application.port.in.ManageSettingsUseCase.Setting;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.settings.VerificationMode;
import dev.gatehouse.domain.shared.InvalidValueException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The runtime settings as the admin API writes them ({@code access_token_ttl}, ..., {@code rate_limits.lockout}):
 * one reading and one set of field errors for the API's PUT and PATCH and for the admin console's form.
 */
public final class SettingsBody {
    private SettingsBody() {
    }

    /** A checked body: the change and the version the writer read, if it said. */
    public record Parsed(ManageSettingsUseCase.SettingsChange change, OptionalLong version) {
    }

    private static final Map<Setting, String> SETTING_FIELDS = Map.of(Setting.ACCESS_TOKEN_TTL, "access_token_ttl",
            Setting.REFRESH_TOKEN_TTL, "refresh_token_ttl", Setting.REFRESH_REUSE_GRACE, "refresh_reuse_grace",
            Setting.VERIFICATION_MODE, "verification_mode", Setting.PASSWORD_MIN_LENGTH, "password_min_length",
            Setting.RATE_LIMITS, "rate_limits");

    /** Reads a settings body (PUT: {@code replace}, every setting required; PATCH: those present). */
    public static Parsed parse(Map<String, Object> body, boolean replace) {
        if (body == null) {
            throw ValidationFailedException.of("non_field_errors", "Expected a JSON object.");
        }
        FieldErrors errors = new FieldErrors();
        Set<String> known = Set.of("access_token_ttl", "refresh_token_ttl", "refresh_reuse_grace", "verification_mode",
                "password_min_length", "rate_limits", "version", "updated_at");
        body.keySet().stream().filter(k -> !known.contains(k)).forEach(k -> errors.add(LogSafe.escape(k, 64), "Unknown field."));
        Duration access = duration(errors, body, "access_token_ttl", replace);
        Duration refresh = duration(errors, body, "refresh_token_ttl", replace);
        Duration grace = duration(errors, body, "refresh_reuse_grace", replace);
        VerificationMode mode = null;
        if (body.containsKey("verification_mode") || replace) {
            if (!(body.get("verification_mode") instanceof String m)) {
                errors.add("verification_mode", body.containsKey("verification_mode") ? "Not a valid string." : Fields.REQUIRED);
            } else {
                mode = errors.attempt("verification_mode", () -> {
                    try {
                        return VerificationMode.parse(m);
                    } catch (IllegalArgumentException e) {
                        throw new InvalidValueException("Must be none, optional or mandatory.");
                    }
                });
            }
        }
        Integer minLength = integer(errors, body, "password_min_length", replace);
        ManageSettingsUseCase.RateLimitsChange limits = null;
        if (body.containsKey("rate_limits") || replace) {
            if (!(body.get("rate_limits") instanceof Map<?, ?> raw)) {
                errors.add("rate_limits", body.containsKey("rate_limits") ? "Expected an object." : Fields.REQUIRED);
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> l = (Map<String, Object>) raw;
                FieldErrors inner = new FieldErrors();
                Set<String> knownLimits = Set.of("login_max_failures", "lockout", "login_per_address_per_minute",
                        "mail_per_address_per_hour", "mail_per_client_per_hour", "token_guesses_per_client_per_hour",
                        "registrations_per_client_per_hour");
                l.keySet().stream().filter(k -> !knownLimits.contains(k)).forEach(k -> inner.add(LogSafe.escape(k, 64), "Unknown field."));
                limits = new ManageSettingsUseCase.RateLimitsChange(integer(inner, l, "login_max_failures", replace),
                        duration(inner, l, "lockout", replace), integer(inner, l, "login_per_address_per_minute", replace),
                        integer(inner, l, "mail_per_address_per_hour", replace), integer(inner, l, "mail_per_client_per_hour", replace),
                        integer(inner, l, "token_guesses_per_client_per_hour", replace),
                        integer(inner, l, "registrations_per_client_per_hour", replace));
                inner.toException().errors().forEach((field, messages) -> errors.addAll("rate_limits." + field, messages));
            }
        }
        OptionalLong version = OptionalLong.empty();
        if (body.get("version") != null) {
            Integer v = integer(errors, body, "version", true);
            version = v == null ? OptionalLong.empty() : OptionalLong.of(v);
        }
        errors.throwIfAny();
        return new Parsed(new ManageSettingsUseCase.SettingsChange(access, refresh, grace, mode, minLength, limits), version);
    }

    /** Stores the change; a value out of its bounds becomes a field error on its wire name. */
    public static ManageSettingsUseCase.CurrentSettings apply(ManageSettingsUseCase settings, Principal admin, Parsed parsed) {
        try {
            return settings.update(admin, parsed.change(), parsed.version());
        } catch (SettingsRejectedException rejected) {
            FieldErrors bounds = new FieldErrors();
            rejected.problems().forEach((setting, message) -> bounds.add(SETTING_FIELDS.get(setting), message));
            throw bounds.toException();
        }
    }

    /** The field as an int; absent is an error only when {@code required} (PATCH leaves it unchanged). */
    private static Integer integer(FieldErrors errors, Map<String, Object> body, String field, boolean required) {
        if (!required && !body.containsKey(field)) {
            return null;
        }
        Object value = body.get(field);
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            long v = ((Number) value).longValue();
            if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
                return (int) v;
            }
        }
        errors.add(field, value == null ? Fields.REQUIRED : "A valid integer is required.");
        return null;
    }

    private static Duration duration(FieldErrors errors, Map<String, Object> body, String field, boolean required) {
        if (!required && !body.containsKey(field)) {
            return null;
        }
        if (body.get(field) instanceof String s) {
            try {
                return Duration.parse(s);
            } catch (DateTimeParseException e) {
                errors.add(field, "Use an ISO 8601 duration such as PT5M.");
                return null;
            }
        }
        errors.add(field, body.get(field) == null ? Fields.REQUIRED : "Use an ISO 8601 duration such as PT5M.");
        return null;
    }

}
