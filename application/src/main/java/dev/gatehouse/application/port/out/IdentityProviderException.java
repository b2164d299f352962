package dev.gatehouse.application.port.out;

/**
 * A provider call that gave no identity. The kind says whose fault it was, so the answer can tell a
 * client to retry later (unavailable), to report a broken provider (error), or that what it presented
 * was refused (rejected). The message is for the log: it never holds a token or a code.
 */
public final class IdentityProviderException extends RuntimeException {
    public enum Kind {
        /** Unreachable, timed out, or answered 5xx: try again later. */
        UNAVAILABLE,
        /** Answered something that is not what the protocol says (garbage, an unexpected status). */
        ERROR,
        /** The code, token or id_token presented is not valid (bad signature, wrong audience, expired, spent). */
        REJECTED
    }

    private final Kind kind;

    public IdentityProviderException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public IdentityProviderException(Kind kind, String message, Throwable cause) {
        super(message, cause, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
