package dev.gatehouse.application.service;

import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.PlainPassword;
import dev.gatehouse.domain.user.Username;
import java.util.List;
import java.security.MessageDigest;

/** Password comparisons the use cases share. */
final class Passwords {
    static final String MISMATCH = "The two password fields didn't match.";

    private Passwords() {
    }

    /** What a password must not simply be: the account's own email address and username. */
    static List<String> personalValues(EmailAddress email, Username username) {
        return username == null ? List.of(email.value()) : List.of(email.value(), username.value());
    }

    /** Constant time, so a confirmation field cannot be used to probe the password byte by byte. */
    static boolean same(PlainPassword a, PlainPassword b) {
        return MessageDigest.isEqual(a.utf8(), b.utf8());
    }
}
