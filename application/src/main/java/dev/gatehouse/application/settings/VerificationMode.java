package dev.gatehouse.application.settings;

import java.util.Locale;

public enum VerificationMode {
    /** No verification mail; nothing depends on a verified address. */
    NONE,
    /** A verification mail is sent; the account works before it is confirmed. */
    OPTIONAL,
    /** No tokens until the address is confirmed; login refuses unverified accounts. */
    MANDATORY;

    public static VerificationMode parse(String value) {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
    }
}
