package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.user.User;

/** A user with a fresh token pair: what login, registration and refresh hand back. */
public record AuthenticatedUser(User user, IssuedTokens tokens) {
}
