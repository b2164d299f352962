package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.BeginPasskeyLogInUseCase;
import dev.gatehouse.application.port.in.LogInUseCase;
import dev.gatehouse.application.port.in.PasskeyOptions;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.domain.passkey.PasskeyChallenge;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public final class BeginPasskeyLogInService implements BeginPasskeyLogInUseCase {
    private final PasskeyCeremonies ceremonies;
    private final UserRepository users;
    private final Throttle throttle;
    private final Clock clock;

    public BeginPasskeyLogInService(PasskeyCeremonies ceremonies, UserRepository users, Throttle throttle, Clock clock) {
        this.ceremonies = ceremonies;
        this.users = users;
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    public PasskeyOptions.Request beginPasskeyLogIn(BeginPasskeyLogInCommand command) {
        // Each answer stores a row: unauthenticated writes are counted like login attempts.
        throttle.admit(Throttle.Action.LOGIN, command.client(), null);
        Instant now = clock.instant();
        UserId bound = null;
        if (command.account() != null) {
            // An unknown account binds the challenge to an id no account has: nothing can answer it, and the
            // options look exactly like those for a real account.
            bound = (command.account().length() > LogInUseCase.MAX_IDENTIFIER_LENGTH ? Optional.<User>empty()
                    : users.findByLogin(command.account())).map(User::id).orElseGet(() -> UserId.newId(now));
        }
        byte[] challenge = ceremonies.issue(PasskeyChallenge.Ceremony.AUTHENTICATION, bound, now);
        return new PasskeyOptions.Request(challenge, ceremonies.settings().rpId(), List.of(), ceremonies.settings().ceremonyTtl());
    }
}
