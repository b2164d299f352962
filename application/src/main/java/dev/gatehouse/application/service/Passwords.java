package dev.gatehouse.application.service;

import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.PersonalInformation;
import dev.gatehouse.domain.user.PlainPassword;
import dev.gatehouse.domain.user.Profile;
import java.security.MessageDigest;

/** Password comparisons the use cases share. */
final class Passwords {
    static final String MISMATCH = "The two password fields didn't match.";

    private Passwords() {
    }

    /** What a new password must not be too similar to: the account's username, names and email address. */
    static PersonalInformation personalValues(EmailAddress email, Profile profile) {
        return PersonalInformation.of(email, profile);
    }

    /** Constant time, so a confirmation field cannot be used to probe the password byte by byte. */
    static boolean same(PlainPassword a, PlainPassword b) {
        return MessageDigest.isEqual(a.utf8(), b.utf8());
    }
}
