package dev.gatehouse.adapter.in.rest;

import dev.gatehouse.application.error.NotFoundException;
import dev.gatehouse.application.error.ValidationFailedException;
import dev.gatehouse.domain.session.SessionId;
import dev.gatehouse.domain.user.UserId;
import java.util.UUID;

/** How the admin routes, API and console alike, read ids and page numbers from a URL. */
public final class AdminParams {
    private AdminParams() {
    }

    /** An id that is not one names no user: 404, as for an unknown one. */
    public static UserId userId(String id) {
        UUID uuid = uuid(id);
        if (uuid == null) {
            throw new NotFoundException("User");
        }
        return new UserId(uuid);
    }

    public static SessionId sessionId(String id) {
        UUID uuid = uuid(id);
        if (uuid == null) {
            throw new NotFoundException("Session");
        }
        return new SessionId(uuid);
    }

    public static long mailId(String id) {
        try {
            long value = Long.parseLong(id);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new NotFoundException("Mail");
    }

    static UUID uuid(String id) {
        try {
            return id != null && id.length() == 36 ? UUID.fromString(id) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** newest (default), oldest, email or last_login. */
    public static dev.gatehouse.application.port.in.AdministerUsersUseCase.Sort userSort(String sort) {
        if (sort == null || sort.isBlank()) {
            return dev.gatehouse.application.port.in.AdministerUsersUseCase.Sort.NEWEST;
        }
        try {
            return dev.gatehouse.application.port.in.AdministerUsersUseCase.Sort.valueOf(sort.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ValidationFailedException.of("sort", "Must be newest, oldest, email or last_login.");
        }
    }

    /**
     * A point in time from a query: an RFC 3339 time ({@code 2026-12-04T10:00:00Z}) or a date, which is the start of
     * that UTC day. Null when blank.
     */
    public static java.time.Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                return java.time.LocalDate.parse(v).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            }
            return java.time.OffsetDateTime.parse(v).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new dev.gatehouse.domain.shared.InvalidValueException(
                    "Use an RFC 3339 time such as 2026-12-04T10:00:00Z, or a date such as 2026-12-04.");
        }
    }

    /** 1-based page number, default 1. */
    public static int page(String page) {
        return positive("page", page, 1, Integer.MAX_VALUE / 200);
    }

    public static int size(String size) {
        return positive("size", size, 20, 100);
    }

    private static int positive(String field, String value, int fallback, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(value.strip());
            if (v >= 1 && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ValidationFailedException.of(field, "Must be a whole number between 1 and " + max + ".");
    }
}
