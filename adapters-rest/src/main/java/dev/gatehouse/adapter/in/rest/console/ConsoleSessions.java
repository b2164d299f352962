package dev.gatehouse.adapter.in.rest.console;

import dev.gatehouse.application.error.GatehouseException;
import dev.gatehouse.application.port.in.AuthenticateUseCase;
import dev.gatehouse.application.port.in.AuthenticatedUser;
import dev.gatehouse.application.port.in.LogOutUseCase;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.in.RefreshSessionUseCase;
import dev.gatehouse.domain.user.Role;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's sign-ins. A console sign-in is an ordinary Gatehouse session opened by the login use case:
 * the browser's cookie holds its refresh token (opaque, HttpOnly), and this instance keeps, by the token's
 * hash, the session's current access token, its CSRF token and when it was last used. A request after the
 * idle timeout ends the session. When the access token is about to expire the session is refreshed by the
 * refresh use case, like any client does, and the cookie gets the rotated token. An instance that does not
 * know the cookie (after a restart, or another instance) refreshes it and starts a new idle clock and a new
 * CSRF token (a form open at that moment must be sent again).
 */
@Singleton
@Requires(property = "auth.admin-console.enabled", value = "true", defaultValue = "true")
public final class ConsoleSessions {
    /** A rotated cookie still works this long, for requests the browser sent before it saw the new one. */
    static final Duration ROTATION_OVERLAP = Duration.ofSeconds(30);
    static final Duration REFRESH_AHEAD = Duration.ofSeconds(20);
    static final int MAX_COOKIE = 200;

    private static final class Entry {
        final String csrf;
        String refresh;
        String access;
        Instant accessExpiresAt;
        volatile Instant lastSeen;

        Entry(String csrf, AuthenticatedUser signedIn, Instant now) {
            this.csrf = csrf;
            take(signedIn);
            this.lastSeen = now;
        }

        void take(AuthenticatedUser signedIn) {
            this.refresh = signedIn.tokens().refresh();
            this.access = signedIn.tokens().access();
            this.accessExpiresAt = signedIn.tokens().accessExpiresAt();
        }
    }

    /** A cookie hash's entry; {@code retiredAt} is set once the cookie was rotated. */
    private record Slot(Entry entry, Instant retiredAt) {
    }

    /** The outcome for one request: signed in ({@code admin} set), or not, and why. */
    public record Resolved(Principal admin, String csrf, String newCookie, boolean idleExpired) {
        static final Resolved NONE = new Resolved(null, null, null, false);
        static final Resolved IDLE = new Resolved(null, null, null, true);

        public boolean signedIn() {
            return admin != null;
        }
    }

    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final RefreshSessionUseCase refresh;
    private final AuthenticateUseCase authenticate;
    private final LogOutUseCase logOut;
    private final Duration idleTimeout;
    private final SecureRandom random = new SecureRandom();

    public ConsoleSessions(RefreshSessionUseCase refresh, AuthenticateUseCase authenticate, LogOutUseCase logOut,
                           @Value("${auth.admin-console.idle-timeout:15m}") Duration idleTimeout) {
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("auth.admin-console.idle-timeout must be positive");
        }
        this.refresh = refresh;
        this.authenticate = authenticate;
        this.logOut = logOut;
        this.idleTimeout = idleTimeout;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** Takes over a session the login use case just opened; returns the cookie value. */
    public String open(AuthenticatedUser signedIn) {
        Instant now = Instant.now();
        sweep(now);
        Entry entry = new Entry(randomToken(), signedIn, now);
        slots.put(hash(entry.refresh), new Slot(entry, null));
        return entry.refresh;
    }

    /** Who holds this cookie, if an administrator with a live session still does. */
    public Resolved resolve(String cookie) {
        if (cookie == null || cookie.isBlank() || cookie.length() > MAX_COOKIE) {
            return Resolved.NONE;
        }
        Instant now = Instant.now();
        String key = hash(cookie);
        Slot slot = slots.get(key);
        Entry entry;
        String newCookie = null;
        if (slot == null) {
            AuthenticatedUser refreshed;
            try {
                refreshed = refresh.refresh(cookie);
            } catch (GatehouseException notValid) {
                return Resolved.NONE;
            }
            entry = new Entry(randomToken(), refreshed, now);
            slots.put(hash(entry.refresh), new Slot(entry, null));
            newCookie = entry.refresh;
        } else {
            entry = slot.entry();
            if (slot.retiredAt() != null) {
                if (slot.retiredAt().plus(ROTATION_OVERLAP).isBefore(now)) {
                    slots.remove(key);
                    return Resolved.NONE;
                }
                newCookie = entry.refresh;
            }
        }
        if (entry.lastSeen.plus(idleTimeout).isBefore(now)) {
            end(entry);
            return Resolved.IDLE;
        }
        String access;
        synchronized (entry) {
            if (entry.accessExpiresAt.minus(REFRESH_AHEAD).isBefore(now)) {
                String old = entry.refresh;
                try {
                    entry.take(refresh.refresh(old));
                } catch (GatehouseException notValid) {
                    forget(entry);
                    return Resolved.NONE;
                }
                slots.put(hash(old), new Slot(entry, now));
                slots.put(hash(entry.refresh), new Slot(entry, null));
                newCookie = entry.refresh;
            }
            access = entry.access;
        }
        Principal principal;
        try {
            principal = authenticate.authenticate(access);
        } catch (GatehouseException notValid) {
            forget(entry);
            return Resolved.NONE;
        }
        if (principal.user().role() != Role.ADMIN) {
            end(entry);
            return Resolved.NONE;
        }
        entry.lastSeen = now;
        return new Resolved(principal, entry.csrf, newCookie, false);
    }

    /** Signs out: the Gatehouse session ends, whatever this instance knew of it. */
    public void close(String cookie) {
        if (cookie == null || cookie.isBlank() || cookie.length() > MAX_COOKIE) {
            return;
        }
        Slot slot = slots.get(hash(cookie));
        if (slot != null) {
            end(slot.entry());
        } else {
            logOut.logOut(new LogOutUseCase.LogOutCommand(cookie, false, null));
        }
    }

    /** Ends the session of someone who may not use the console, as soon as the login use case opened it. */
    public void refuse(AuthenticatedUser signedIn) {
        logOut.logOut(new LogOutUseCase.LogOutCommand(signedIn.tokens().refresh(), false, null));
    }

    private void end(Entry entry) {
        forget(entry);
        logOut.logOut(new LogOutUseCase.LogOutCommand(entry.refresh, false, null));
    }

    private void forget(Entry entry) {
        slots.values().removeIf(s -> s.entry() == entry);
    }

    /** Forgets rotated cookies past their overlap, and ends idle sessions (forgotten alone, they would be refreshed). */
    private void sweep(Instant now) {
        slots.values().removeIf(s -> s.retiredAt() != null && s.retiredAt().plus(ROTATION_OVERLAP).isBefore(now));
        slots.values().stream().map(Slot::entry).filter(e -> e.lastSeen.plus(idleTimeout).isBefore(now)).distinct().toList()
                .forEach(this::end);
    }

    public String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Constant-time comparison of a submitted CSRF token with the expected one. */
    public static boolean sameToken(String expected, String submitted) {
        if (expected == null || submitted == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8));
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
