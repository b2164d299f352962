package dev.gatehouse.application.service;

import dev.gatehouse.application.error.TokenNotValidException;
import dev.gatehouse.application.port.in.ConnectIdentityUseCase;
import dev.gatehouse.application.port.in.ProviderCredential;
import dev.gatehouse.application.port.out.ProviderIdentity;
import dev.gatehouse.application.port.out.SocialLoginFlows;
import dev.gatehouse.application.port.out.SocialLoginFlows.Intent;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.domain.identity.ExternalIdentity;
import dev.gatehouse.domain.token.OpaqueToken;
import java.time.Clock;
import java.time.Instant;

public final class ConnectIdentityService implements ConnectIdentityUseCase {
    private final SocialAccounts accounts;
    private final SocialLoginFlows flows;
    private final RecentLogin recentLogin;
    private final Transactions transactions;
    private final Throttle throttle;
    private final Clock clock;

    public ConnectIdentityService(SocialAccounts accounts, SocialLoginFlows flows, RecentLogin recentLogin, Transactions transactions,
                                  Throttle throttle, Clock clock) {
        this.accounts = accounts;
        this.flows = flows;
        this.recentLogin = recentLogin;
        this.transactions = transactions;
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    public ExternalIdentity connect(ConnectIdentityCommand command) {
        throttle.admit(Throttle.Action.SOCIAL_LOGIN, command.client(), null);
        String ip = command.client().ip();
        accounts.requireProvider(command.provider());
        Instant now = clock.instant();
        // A linked identity is a way in that outlasts a password change: only for a recent sign-in.
        recentLogin.require(command.caller(), now);
        ProviderIdentity identity;
        if (command.credential() instanceof ProviderCredential.FlowCode flowCode) {
            OpaqueToken presented = OpaqueToken.parse(flowCode.code()).orElseThrow(TokenNotValidException::new);
            // Spent first (one try per code); then the frontend must prove it started this flow (its PKCE verifier).
            identity = flows.redeem(presented.hash(), now)
                    .filter(c -> c.intent() == Intent.CONNECT && c.provider().equals(command.provider()))
                    .filter(c -> BeginSocialLoginService.verifies(c.clientChallenge(), flowCode.codeVerifier()))
                    .map(SocialLoginFlows.FlowCode::identity)
                    .orElseThrow(TokenNotValidException::new);
        } else {
            identity = accounts.identify(command.provider(), command.credential(), now, ip);
        }
        return accounts.inTransaction(transactions, command.provider(), now, ip,
                () -> accounts.connect(command.caller().user(), command.provider(), identity, now, ip));
    }
}
