package dev.gatehouse.application.port.in;

/**
 * What a use case that redeems a proof (a mailed link, a registration) does once the proof is spent:
 * open a session for the user, or not. The caller chooses, because dialects differ (Gatehouse's own API
 * signs in after verification; dj-rest-auth answers a detail only), and a session nobody will hold
 * should never be opened in the first place.
 */
public enum SignIn {
    /** Open a session in the same transaction and hand back its token pair. */
    START_SESSION,
    /** Spend the proof only. */
    NO_SESSION
}
