package dev.gatehouse.application.service;

import dev.gatehouse.application.error.TokenNotValidException;
import dev.gatehouse.application.port.in.AuthenticateUseCase;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.out.AccessTokenSigner;
import dev.gatehouse.application.port.out.SessionRepository;
import dev.gatehouse.application.port.out.SettingsSource;
import dev.gatehouse.application.settings.AuthSettings;
import java.time.Clock;

public final class AuthenticateService implements AuthenticateUseCase {
    private final AccessTokenSigner signer;
    private final SessionRepository sessions;
    private final SettingsSource settings;
    private final Clock clock;

    public AuthenticateService(AccessTokenSigner signer, SessionRepository sessions, SettingsSource settings, Clock clock) {
        this.signer = signer;
        this.sessions = sessions;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Principal authenticate(String accessToken) {
        AuthSettings current = settings.current();
        return AccessTokenCheck.live(signer, sessions, current, accessToken, clock.instant())
                .map(live -> new Principal(live.session().user(), live.session().session().id()))
                .orElseThrow(TokenNotValidException::new);
    }
}
