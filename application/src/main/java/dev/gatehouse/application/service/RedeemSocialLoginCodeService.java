package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.SocialSignInResult;
import dev.gatehouse.application.error.AccountDisabledException;
import dev.gatehouse.application.error.TokenNotValidException;
import dev.gatehouse.application.port.in.AuthenticatedUser;
import dev.gatehouse.application.port.in.RedeemSocialLoginCodeUseCase;
import dev.gatehouse.application.port.out.SocialLoginFlows;
import dev.gatehouse.application.port.out.SocialLoginFlows.FlowCode;
import dev.gatehouse.application.port.out.SocialLoginFlows.Intent;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.domain.session.ClientInfo;
import dev.gatehouse.domain.token.OpaqueToken;
import dev.gatehouse.domain.user.User;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;

public final class RedeemSocialLoginCodeService implements RedeemSocialLoginCodeUseCase {
    private final SocialAccounts accounts;
    private final SocialLoginFlows flows;
    private final UserRepository users;
    private final Transactions transactions;
    private final Throttle throttle;
    private final Clock clock;

    public RedeemSocialLoginCodeService(SocialAccounts accounts, SocialLoginFlows flows, UserRepository users,
                                        Transactions transactions, Throttle throttle, Clock clock) {
        this.accounts = accounts;
        this.flows = flows;
        this.users = users;
        this.transactions = transactions;
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    public SocialSignInResult redeem(String code, String codeVerifier, ClientInfo client) {
        ClientInfo from = client == null ? ClientInfo.UNKNOWN : client;
        throttle.admit(Throttle.Action.TOKEN_GUESS, from, null);
        Instant now = clock.instant();
        OpaqueToken presented = OpaqueToken.parse(code).orElseThrow(TokenNotValidException::new);
        // Spent on its own, before anything is checked: a wrong verifier costs the code (one guess per code), and of
        // two racing redemptions only one gets it.
        FlowCode redeemed = flows.redeem(presented.hash(), now).filter(c -> c.intent() == Intent.LOGIN)
                .orElseThrow(TokenNotValidException::new);
        if (redeemed.clientChallenge() != null && (codeVerifier == null || !MessageDigest.isEqual(
                BeginSocialLoginService.challenge(codeVerifier).getBytes(StandardCharsets.US_ASCII),
                redeemed.clientChallenge().getBytes(StandardCharsets.US_ASCII)))) {
            throw new TokenNotValidException();
        }
        SocialAccounts.Opening opened = accounts.inTransaction(transactions, redeemed.provider(), now, from.ip(), () -> {
            User user = users.findById(redeemed.user()).orElseThrow(TokenNotValidException::new);
            if (!user.isActive()) {
                throw new AccountDisabledException();
            }
            return accounts.open(user, redeemed.provider(), from, now);
        });
        return accounts.result(opened, now);
    }
}
