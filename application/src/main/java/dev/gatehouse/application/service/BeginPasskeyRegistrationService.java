package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.BeginPasskeyRegistrationUseCase;
import dev.gatehouse.application.port.in.PasskeyOptions;
import dev.gatehouse.application.port.in.Principal;
import dev.gatehouse.application.port.out.PasskeyRepository;
import dev.gatehouse.application.settings.WebAuthnSettings;
import dev.gatehouse.domain.passkey.Passkey;
import dev.gatehouse.domain.passkey.PasskeyChallenge;
import dev.gatehouse.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

public final class BeginPasskeyRegistrationService implements BeginPasskeyRegistrationUseCase {
    private final PasskeyCeremonies ceremonies;
    private final PasskeyRepository passkeys;
    private final RecentLogin recentLogin;
    private final Clock clock;

    public BeginPasskeyRegistrationService(PasskeyCeremonies ceremonies, PasskeyRepository passkeys, RecentLogin recentLogin,
                                           Clock clock) {
        this.recentLogin = recentLogin;
        this.ceremonies = ceremonies;
        this.passkeys = passkeys;
        this.clock = clock;
    }

    @Override
    public PasskeyOptions.Creation beginPasskeyRegistration(Principal caller) {
        Instant now = clock.instant();
        // A passkey is a sign-in of its own (aal2): the registration challenge is only for a recent sign-in, so a
        // stolen access token cannot plant the thief's key. The completion needs this challenge.
        recentLogin.require(caller, now);
        User user = caller.user();
        byte[] challenge = ceremonies.issue(PasskeyChallenge.Ceremony.REGISTRATION, user.id(), now);
        // The authenticator refuses to make a second passkey for an account it already holds one for.
        List<byte[]> existing = passkeys.listFor(user.id()).stream().map(Passkey::credentialId).toList();
        WebAuthnSettings rp = ceremonies.settings();
        String displayName = (nullToEmpty(user.profile().firstName()) + " " + nullToEmpty(user.profile().lastName())).strip();
        return new PasskeyOptions.Creation(challenge, rp.rpId(), rp.rpName(), PasskeyCeremonies.userHandle(user.id()),
                user.email().value(), displayName.isEmpty() ? user.email().value() : displayName, existing, rp.ceremonyTtl());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
