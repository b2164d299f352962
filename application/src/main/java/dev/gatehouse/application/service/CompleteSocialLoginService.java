package dev.gatehouse.application.service;

import dev.gatehouse.application.error.AccountDisabledException;
import dev.gatehouse.application.error.EmailNotVerifiedException;
import dev.gatehouse.application.error.SocialLoginException;
import dev.gatehouse.application.port.in.CompleteSocialLoginUseCase;
import dev.gatehouse.application.port.out.IdentityProviders;
import dev.gatehouse.application.port.out.ProviderIdentity;
import dev.gatehouse.application.port.out.SocialLoginFlows;
import dev.gatehouse.application.port.out.SocialLoginFlows.FlowCode;
import dev.gatehouse.application.port.out.SocialLoginFlows.Intent;
import dev.gatehouse.application.port.out.SocialLoginFlows.PendingAuthorization;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.settings.SocialLoginSettings;
import dev.gatehouse.domain.token.OpaqueToken;
import dev.gatehouse.domain.token.TokenHash;
import dev.gatehouse.domain.user.User;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

public final class CompleteSocialLoginService implements CompleteSocialLoginUseCase {
    /** Provider error codes passed on as they are (RFC 6749 §4.1.2.1); any other becomes provider_error. */
    private static final Set<String> PASSED_ON = Set.of("access_denied", "temporarily_unavailable", "consent_required",
            "login_required", "interaction_required");
    private static final int MAX_STATE = 512;

    private final SocialAccounts accounts;
    private final IdentityProviders providers;
    private final SocialLoginFlows flows;
    private final SocialLoginSettings settings;
    private final Transactions transactions;
    private final Throttle throttle;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public CompleteSocialLoginService(SocialAccounts accounts, IdentityProviders providers, SocialLoginFlows flows,
                                      SocialLoginSettings settings, Transactions transactions, Throttle throttle, Clock clock) {
        this.accounts = accounts;
        this.providers = providers;
        this.flows = flows;
        this.settings = settings;
        this.transactions = transactions;
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    public String complete(CompleteSocialLoginCommand command) {
        throttle.admit(Throttle.Action.SOCIAL_LOGIN, command.client(), null);
        Instant now = clock.instant();
        String ip = command.client().ip();
        String state = command.state();
        Optional<PendingAuthorization> taken = state == null || state.isEmpty() || state.length() > MAX_STATE
                ? Optional.empty() : flows.take(TokenHash.of(state), now);
        // Taken means spent: a replayed callback, even of a flow that fails below, finds nothing.
        if (taken.isEmpty() || !taken.get().provider().equals(command.provider())) {
            accounts.failed(command.provider(), null, now, ip, "unknown, spent or expired state");
            throw new SocialLoginException(SocialLoginException.Reason.STATE_INVALID);
        }
        PendingAuthorization pending = taken.get();
        if (command.error() != null) {
            String error = PASSED_ON.contains(command.error()) ? command.error() : "provider_error";
            accounts.failed(pending.provider(), null, now, ip, "provider said " + error);
            return withParameter(pending.redirectTo(), "error", error);
        }
        if (command.code() == null || command.code().isEmpty() || command.code().length() > 4096) {
            return withParameter(pending.redirectTo(), "error", SocialLoginException.Reason.PROVIDER_ERROR.code());
        }
        try {
            ProviderIdentity identity = accounts.call(pending.provider(), now, ip,
                    () -> providers.redeemCode(pending.provider(), command.code(), pending.codeVerifier(), pending.nonce()));
            OpaqueToken code = OpaqueToken.generate(random);
            Instant expiresAt = now.plus(settings.codeTtl());
            if (pending.intent() == Intent.CONNECT) {
                // Linked when the signed-in caller presents the code: the browser's navigation carries no Bearer token.
                flows.issue(new FlowCode(code.hash(), Intent.CONNECT, pending.provider(), null, identity,
                        pending.clientChallenge(), expiresAt), now);
            } else {
                accounts.inTransaction(transactions, pending.provider(), now, ip, () -> {
                    User user = accounts.accountFor(pending.provider(), identity, now, ip);
                    flows.issue(new FlowCode(code.hash(), Intent.LOGIN, pending.provider(), user.id(), null,
                            pending.clientChallenge(), expiresAt), now);
                    return user;
                });
            }
            return withParameter(pending.redirectTo(), "code", code.value());
        } catch (SocialLoginException e) {
            return withParameter(pending.redirectTo(), "error", e.code());
        } catch (AccountDisabledException | EmailNotVerifiedException e) {
            return withParameter(pending.redirectTo(), "error", e.code());
        }
    }

    /**
     * redirect_to with one parameter added, before any fragment. The values are ours (a base64url code, an error
     * code of letters and '_'), so nothing needs percent-encoding.
     */
    static String withParameter(String redirectTo, String name, String value) {
        if (!value.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
            throw new IllegalArgumentException("not a safe parameter value");
        }
        int hash = redirectTo.indexOf('#');
        String base = hash < 0 ? redirectTo : redirectTo.substring(0, hash);
        String fragment = hash < 0 ? "" : redirectTo.substring(hash);
        return base + (base.indexOf('?') < 0 ? "?" : "&") + name + "=" + value + fragment;
    }
}
