package dev.gatehouse.application.port.in;

/**
 * What a social sign-in gives: a session, or — for an account with an authenticator app — the same pending login a
 * correct password gives, finished with the code at the MFA step (its session then says ["fed","otp"], aal2).
 */
public sealed interface SocialSignInResult {
    record SignedIn(AuthenticatedUser authenticated) implements SocialSignInResult {
    }

    record MfaRequired(LogInUseCase.LogInResult.MfaRequired pending) implements SocialSignInResult {
    }
}
