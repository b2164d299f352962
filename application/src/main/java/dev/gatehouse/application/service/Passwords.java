package dev.gatehouse.application.service;

import dev.gatehouse.domain.user.PlainPassword;
import java.security.MessageDigest;

/** Password comparisons the use cases share. */
final class Passwords {
    static final String MISMATCH = "The two password fields didn't match.";

    private Passwords() {
    }

    /** Constant time, so a confirmation field cannot be used to probe the password byte by byte. */
    static boolean same(PlainPassword a, PlainPassword b) {
        return MessageDigest.isEqual(a.utf8(), b.utf8());
    }
}
