package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.SocialSignInResult;
import dev.gatehouse.application.port.in.AuthenticatedUser;
import dev.gatehouse.application.port.in.SignInWithProviderUseCase;
import dev.gatehouse.application.port.out.ProviderIdentity;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.domain.user.User;
import java.time.Clock;
import java.time.Instant;

public final class SignInWithProviderService implements SignInWithProviderUseCase {
    private final SocialAccounts accounts;
    private final Transactions transactions;
    private final Throttle throttle;
    private final Clock clock;

    public SignInWithProviderService(SocialAccounts accounts, Transactions transactions, Throttle throttle, Clock clock) {
        this.accounts = accounts;
        this.transactions = transactions;
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    public SocialSignInResult signIn(SignInWithProviderCommand command) {
        throttle.admit(Throttle.Action.SOCIAL_LOGIN, command.client(), null);
        accounts.requireProvider(command.provider());
        Instant now = clock.instant();
        String ip = command.client().ip();
        // The provider is asked outside the transaction: a slow provider must not hold a connection.
        ProviderIdentity identity = accounts.identify(command.provider(), command.credential(), now, ip);
        SocialAccounts.Opening opened = accounts.inTransaction(transactions, command.provider(), now, ip, () -> {
            User user = accounts.accountFor(command.provider(), identity, now, ip);
            return accounts.open(user, command.provider(), command.client(), now);
        });
        return accounts.result(opened, now);
    }
}
