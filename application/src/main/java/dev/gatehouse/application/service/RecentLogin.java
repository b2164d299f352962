package dev.gatehouse.application.service;

import dev.gatehouse.application.error.RecentLoginRequiredException;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.out.SessionRepository;
import dev.gatehouse.application.settings.MfaSettings;
import java.time.Instant;

/**
 * The one check before a new way into the account is added (an authenticator app, a passkey, a linked identity):
 * the caller's session was opened by a sign-in within {@code AUTH_MFA_RECENT_LOGIN}. A stolen access token of an
 * old session must not be enough to tie the account to the thief's phone, key or provider account for good.
 */
public final class RecentLogin {
    private final SessionRepository sessions;
    private final MfaSettings mfa;

    public RecentLogin(SessionRepository sessions, MfaSettings mfa) {
        this.sessions = sessions;
        this.mfa = mfa;
    }

    /** @throws RecentLoginRequiredException when the caller's session is older than the window (or gone) */
    public void require(Principal caller, Instant now) {
        boolean recent = sessions.findWithUser(caller.sessionId())
                .map(s -> !s.session().createdAt().isBefore(now.minus(mfa.recentLogin()))).orElse(false);
        if (!recent) {
            throw new RecentLoginRequiredException();
        }
    }
}
