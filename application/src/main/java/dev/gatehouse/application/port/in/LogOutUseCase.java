package dev.gatehouse.application.port.in;

public interface LogOutUseCase {
    /**
     * @param refreshToken the session to end, by its refresh token; may be null when {@code all}
     * @param all          end every session of the caller; needs {@code caller}
     * @param caller       the authenticated caller, or null
     */
    record LogOutCommand(String refreshToken, boolean all, Principal caller) {
    }

    /** Idempotent: logging out of an already ended or unknown session succeeds. */
    void logOut(LogOutCommand command);
}
