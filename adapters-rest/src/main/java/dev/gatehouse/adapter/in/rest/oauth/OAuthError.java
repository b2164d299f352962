package dev.gatehouse.adapter.in.rest.oauth;

/**
 * A refusal in OAuth's own words (RFC 6749 §5.2): {@code {"error": …, "error_description": …}}, not
 * problem+json, because OAuth client libraries read exactly this shape.
 */
public final class OAuthError extends RuntimeException {
    private final int status;
    private final String error;
    private final long retryAfterSeconds;

    public OAuthError(int status, String error, String description) {
        this(status, error, description, 0);
    }

    public OAuthError(int status, String error, String description, long retryAfterSeconds) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static OAuthError invalidRequest(String description) {
        return new OAuthError(400, "invalid_request", description);
    }

    public static OAuthError invalidClient(String description) {
        return new OAuthError(401, "invalid_client", description);
    }

    public static OAuthError invalidGrant(String description) {
        return new OAuthError(400, "invalid_grant", description);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
