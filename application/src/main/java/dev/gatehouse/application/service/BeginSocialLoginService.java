package dev.gatehouse.application.service;

import dev.gatehouse.application.error.SocialLoginException;
import dev.gatehouse.application.port.in.BeginSocialLoginUseCase;
import dev.gatehouse.application.port.out.IdentityProviderException;
import dev.gatehouse.application.port.out.IdentityProviders;
import dev.gatehouse.application.port.out.SocialLoginFlows;
import dev.gatehouse.application.port.out.SocialLoginFlows.Intent;
import dev.gatehouse.application.port.out.SocialLoginFlows.PendingAuthorization;
import dev.gatehouse.application.settings.SocialLoginSettings;
import dev.gatehouse.domain.token.OpaqueToken;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

public final class BeginSocialLoginService implements BeginSocialLoginUseCase {
    private final SocialAccounts accounts;
    private final IdentityProviders providers;
    private final SocialLoginFlows flows;
    private final SocialLoginSettings settings;
    private final Throttle throttle;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public BeginSocialLoginService(SocialAccounts accounts, IdentityProviders providers, SocialLoginFlows flows,
                                   SocialLoginSettings settings, Throttle throttle, Clock clock) {
        this.accounts = accounts;
        this.providers = providers;
        this.flows = flows;
        this.settings = settings;
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    public String begin(BeginSocialLoginCommand command) {
        throttle.admit(Throttle.Action.SOCIAL_LOGIN, command.client(), null);
        accounts.requireProvider(command.provider());
        // Exact URLs only: a prefix or pattern match is how open redirects (and stolen codes) happen.
        if (command.redirectTo() == null || !settings.redirectAllowlist().contains(command.redirectTo())) {
            throw new SocialLoginException(SocialLoginException.Reason.REDIRECT_NOT_ALLOWED);
        }
        // A connect flow ends in a code that only links an identity to whoever presents it with a Bearer token: it must
        // be bound to the frontend that started it, or anyone's code could be slipped into a victim's session.
        if (command.connect() && command.codeChallenge() == null) {
            throw dev.gatehouse.application.error.ValidationFailedException.of("code_challenge",
                    "Required with intent=connect: the frontend's PKCE S256 challenge, whose verifier it sends to connect.");
        }
        Instant now = clock.instant();
        OpaqueToken state = OpaqueToken.generate(random);
        // 43 base64url characters: a valid PKCE verifier (RFC 7636 §4.1), 256 bits.
        String verifier = OpaqueToken.generate(random).value();
        String nonce = OpaqueToken.generate(random).value();
        String to;
        try {
            to = providers.authorizationUrl(command.provider(), state.value(), nonce, challenge(verifier));
        } catch (IdentityProviderException e) {
            // The OpenID provider's discovery document could not be read: the flow cannot start.
            throw accounts.refusal(command.provider(), e, now, command.client().ip());
        }
        flows.begin(new PendingAuthorization(state.hash(), command.provider(), command.redirectTo(),
                command.connect() ? Intent.CONNECT : Intent.LOGIN, verifier, nonce, command.codeChallenge(), now.plus(settings.flowTtl())), now);
        return to;
    }

    /** RFC 7636 S256: BASE64URL(SHA-256(ASCII(verifier))). */
    /** The frontend's verifier matches the challenge it gave at authorize (compared in constant time). */
    static boolean verifies(String challenge, String verifier) {
        return challenge != null && verifier != null && java.security.MessageDigest.isEqual(
                challenge(verifier).getBytes(StandardCharsets.US_ASCII), challenge.getBytes(StandardCharsets.US_ASCII));
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
