package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.session.SessionId;
import dev.gatehouse.domain.user.User;

/** Whoever an access token speaks for, checked against the live session and account. */
public record Principal(User user, SessionId sessionId) {
}
