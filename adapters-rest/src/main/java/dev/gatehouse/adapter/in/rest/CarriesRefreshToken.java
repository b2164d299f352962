package dev.gatehouse.adapter.in.rest;

import java.time.Instant;

/**
 * A response body that hands a refresh token to the client. In cookie mode {@link BrowserCookieFilter} moves
 * the token into the HttpOnly cookie and sends {@link #hidingRefresh()} instead, so no dialect controller
 * writes a cookie itself. (Method names are not bean getters: they never become JSON fields.)
 */
public interface CarriesRefreshToken {
    String refresh();

    /** When the refresh token expires, or null when the body does not say (a session cookie then). */
    Instant refreshExpiry();

    /** The same body with {@code "refresh": ""} (dj-rest-auth's JWT_AUTH_HTTPONLY answer). */
    Object hidingRefresh();
}
