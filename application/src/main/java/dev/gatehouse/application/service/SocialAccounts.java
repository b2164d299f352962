package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.LogInUseCase.LogInResult;
import dev.gatehouse.application.port.in.SocialSignInResult;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.error.GatehouseException;
import dev.gatehouse.application.error.AccountDisabledException;
import dev.gatehouse.application.error.EmailNotVerifiedException;
import dev.gatehouse.application.error.SocialLoginException;
import dev.gatehouse.application.error.SocialLoginException.Reason;
import dev.gatehouse.application.port.in.AuthenticatedUser;
import dev.gatehouse.application.port.in.ProviderCredential;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.DuplicateUserException;
import dev.gatehouse.application.port.out.IdentityProviderException;
import dev.gatehouse.application.port.out.IdentityProviders;
import dev.gatehouse.application.port.out.IdentityRepository;
import dev.gatehouse.application.port.out.ProviderIdentity;
import dev.gatehouse.application.port.out.SettingsSource;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.settings.VerificationMode;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.identity.ExternalIdentity;
import dev.gatehouse.domain.session.Assurance;
import dev.gatehouse.domain.session.ClientInfo;
import dev.gatehouse.domain.session.Session;
import dev.gatehouse.domain.shared.Uuid7;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.PasswordHash;
import dev.gatehouse.domain.user.Profile;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserId;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The rules of signing in with an outside identity, shared by the browser flow, the native flow and
 * every dialect: which account an identity opens, when a new one is made, and what a social session holds.
 *
 * <p>Linking rules: an identity is found by (provider, subject) only. A new identity joins the account that
 * has its email address only when the provider vouches for the address <em>and</em> the account's owner
 * proved it here too; otherwise nothing is created and the answer is {@code account_exists} (the owner signs
 * in and connects). An account is created only for an address the provider vouches for: an unverified
 * address would let anyone hold an identity on an account whose address a later registrant proves.
 */
public final class SocialAccounts {
    /** A social sign-in is one factor, federated. */
    public static final Assurance FEDERATED = Assurance.of(Assurance.Level.AAL1, Assurance.Method.FED);

    private final SecondFactors secondFactors;
    private final UserRepository users;
    private final IdentityRepository identities;
    private final IdentityProviders providers;
    private final SessionIssuer issuer;
    private final AuditLog audit;
    private final SettingsSource settings;
    private final SecureRandom random = new SecureRandom();

    public SocialAccounts(UserRepository users, IdentityRepository identities, IdentityProviders providers,
                          SessionIssuer issuer, AuditLog audit, SettingsSource settings, SecondFactors secondFactors) {
        this.secondFactors = secondFactors;
        this.users = users;
        this.identities = identities;
        this.providers = providers;
        this.issuer = issuer;
        this.audit = audit;
        this.settings = settings;
    }

    /** @throws SocialLoginException {@code unknown_provider} */
    public void requireProvider(String provider) {
        if (!ExternalIdentity.isProviderId(provider) || !providers.has(provider)) {
            throw new SocialLoginException(Reason.UNKNOWN_PROVIDER);
        }
    }

    /** Asks the provider who presented {@code credential}; its failures become this capability's. */
    public ProviderIdentity identify(String provider, ProviderCredential credential, Instant now, String ip) {
        return call(provider, now, ip, () -> switch (credential) {
            case ProviderCredential.IdToken t -> providers.verifyIdToken(provider, t.idToken(), t.nonce());
            case ProviderCredential.AuthorizationCode c -> providers.redeemCode(provider, c.code(), null, null);
            case ProviderCredential.FlowCode f -> throw new IllegalArgumentException("a flow code is not the provider's");
        });
    }

    /** Runs one provider call; a failure is audited and thrown as the {@link SocialLoginException} to answer. */
    public ProviderIdentity call(String provider, Instant now, String ip, Supplier<ProviderIdentity> work) {
        ProviderIdentity identity;
        try {
            identity = work.get();
        } catch (IdentityProviderException e) {
            throw refusal(provider, e, now, ip);
        }
        if (identity.subject().isEmpty() || identity.subject().length() > ExternalIdentity.MAX_SUBJECT
                || !identity.subject().chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            failed(provider, null, now, ip, "provider_error: unusable subject");
            throw new SocialLoginException(Reason.PROVIDER_ERROR);
        }
        return bounded(identity);
    }

    /**
     * The provider's other values, bounded once where they enter: a name no profile could hold is dropped (names
     * only prefill a new account), an address longer than any address is no address (and vouches for nothing).
     */
    static ProviderIdentity bounded(ProviderIdentity identity) {
        String email = identity.email() != null && identity.email().length() <= EmailAddress.MAX_LENGTH ? identity.email() : null;
        return new ProviderIdentity(identity.subject(), email, email != null && identity.emailVerified(),
                name(identity.givenName()), name(identity.familyName()));
    }

    private static String name(String value) {
        return value == null || value.codePointCount(0, value.length()) > Profile.MAX_NAME_LENGTH ? null : value;
    }

    /** A provider's failure, audited, as the refusal to answer with. */
    public SocialLoginException refusal(String provider, IdentityProviderException e, Instant now, String ip) {
        Reason reason = switch (e.kind()) {
            case UNAVAILABLE -> Reason.PROVIDER_UNAVAILABLE;
            case ERROR -> Reason.PROVIDER_ERROR;
            case REJECTED -> Reason.PROVIDER_TOKEN_INVALID;
        };
        failed(provider, null, now, ip, reason.code() + ": " + e.getMessage());
        return new SocialLoginException(reason);
    }

    /**
     * Runs a social sign-in's transaction. A refusal decided inside it (account_exists, a disabled account, a second
     * factor, …) is audited after the rollback, which takes any record made inside the transaction with it.
     */
    public <T> T inTransaction(Transactions transactions, String provider, Instant now, String ip, Supplier<T> work) {
        try {
            return transactions.inTransaction(work);
        } catch (GatehouseException e) {
            failed(provider, null, now, ip, e.code());
            throw e;
        }
    }

    public void failed(String provider, UserId user, Instant now, String ip, String detail) {
        audit.record(AuditEvent.of(now, AuditEvent.Type.SOCIAL_LOGIN_FAILURE, user, null, ip, provider + ": " + detail));
    }

    /**
     * The account this identity signs in to, created or joined by the linking rules; call inside the use
     * case's transaction. The identity's last use is recorded.
     *
     * @throws SocialLoginException {@code account_exists} or {@code provider_email_unverified}
     * @throws AccountDisabledException, EmailNotVerifiedException (mode mandatory) as password login would
     */
    public User accountFor(String provider, ProviderIdentity identity, Instant now, String ip) {
        EmailAddress email = emailOf(identity);
        Optional<ExternalIdentity> known = identities.find(provider, identity.subject());
        User user;
        if (known.isPresent()) {
            user = users.findById(known.get().userId()).orElseThrow(() -> new SocialLoginException(Reason.PROVIDER_ERROR));
            identities.update(known.get().usedAt(now, email));
        } else {
            if (email == null || !identity.emailVerified()) {
                failed(provider, null, now, ip, "no verified email for a new identity");
                throw new SocialLoginException(Reason.EMAIL_UNVERIFIED);
            }
            Optional<User> owner = users.findByEmail(email);
            if (owner.isPresent()) {
                if (!owner.get().isEmailVerified()) {
                    failed(provider, owner.get().id(), now, ip, "account_exists: the account's address is unverified");
                    throw new SocialLoginException(Reason.ACCOUNT_EXISTS);
                }
                user = owner.get();
            } else {
                user = User.register(UserId.newId(now), email, profileOf(identity), PasswordHash.unusable(random), now);
                user.confirmEmail(); // the provider vouched for it
                try {
                    users.insert(user);
                } catch (DuplicateUserException raced) {
                    // Registered a moment ago by someone else: not ours to join without proof.
                    throw new SocialLoginException(Reason.ACCOUNT_EXISTS);
                }
                audit.record(AuditEvent.of(now, AuditEvent.Type.REGISTRATION, user.id(), null, ip, "social: " + provider));
            }
            insert(ExternalIdentity.link(Uuid7.at(now), user.id(), provider, identity.subject(), email, now));
            audit.record(AuditEvent.of(now, AuditEvent.Type.IDENTITY_LINKED, user.id(), null, ip, provider));
        }
        if (!user.isActive()) {
            failed(provider, user.id(), now, ip, "account disabled");
            throw new AccountDisabledException();
        }
        if (settings.current().verificationMode() == VerificationMode.MANDATORY && !user.isEmailVerified()) {
            throw new EmailNotVerifiedException();
        }
        return user;
    }

    /**
     * Links the identity to {@code user}; call inside the use case's transaction. Linking it again to the same
     * account is no change.
     *
     * @throws SocialLoginException {@code identity_taken} when another account has it
     */
    public ExternalIdentity connect(User user, String provider, ProviderIdentity identity, Instant now, String ip) {
        Optional<ExternalIdentity> known = identities.find(provider, identity.subject());
        if (known.isPresent()) {
            if (!known.get().userId().equals(user.id())) {
                failed(provider, user.id(), now, ip, "identity_taken");
                throw new SocialLoginException(Reason.IDENTITY_TAKEN);
            }
            return known.get();
        }
        ExternalIdentity linked = ExternalIdentity.link(Uuid7.at(now), user.id(), provider, identity.subject(),
                emailOf(identity), now);
        insert(linked);
        audit.record(AuditEvent.of(now, AuditEvent.Type.IDENTITY_LINKED, user.id(), null, ip, provider));
        return linked;
    }

    /** Opens the session of a social sign-in (amr ["fed"]); call inside the use case's transaction. */
    /** A session, or the pending login that waits for the code of the account's authenticator app. */
    public record Opening(User user, SessionIssuer.StartedSession started, LogInResult.MfaRequired pending) {
    }

    /**
     * Opens what a social sign-in gives; call inside the use case's transaction. An account with an authenticator
     * app never signs in on a provider's word alone (the provider would be a way around the second factor): it gets
     * the pending login a correct password gets, whose code step opens the session.
     */
    public Opening open(User user, String provider, ClientInfo client, Instant now) {
        if (secondFactors.isOn(user.id())) {
            audit.record(AuditEvent.of(now, AuditEvent.Type.SOCIAL_LOGIN_SUCCESS, user.id(), null, client.ip(),
                    provider + ": waiting for the second factor"));
            return new Opening(user, null, secondFactors.challenge(user, now, Assurance.Method.FED));
        }
        return new Opening(user, startSession(user, provider, client, now), null);
    }

    /** After the commit: the tokens of the session (signed outside the transaction), or the pending login. */
    public SocialSignInResult result(Opening opening, Instant now) {
        return opening.pending() != null ? new SocialSignInResult.MfaRequired(opening.pending())
                : new SocialSignInResult.SignedIn(tokens(opening.user(), opening.started(), now));
    }

    private SessionIssuer.StartedSession startSession(User user, String provider, ClientInfo client, Instant now) {
        user.recordLogin(now);
        users.recordLogin(user);
        audit.record(AuditEvent.of(now, AuditEvent.Type.SOCIAL_LOGIN_SUCCESS, user.id(), null, client.ip(), provider));
        return issuer.start(user, client, now, FEDERATED, Session.FIRST_PARTY_CLIENT, null);
    }

    public AuthenticatedUser tokens(User user, SessionIssuer.StartedSession started, Instant now) {
        return new AuthenticatedUser(user, issuer.tokens(user, started, now));
    }

    private void insert(ExternalIdentity identity) {
        try {
            identities.insert(identity);
        } catch (IdentityRepository.DuplicateIdentityException raced) {
            throw new SocialLoginException(Reason.IDENTITY_TAKEN);
        }
    }

    private static EmailAddress emailOf(ProviderIdentity identity) {
        if (identity.email() == null || identity.email().isBlank()) {
            return null;
        }
        try {
            return EmailAddress.of(identity.email());
        } catch (RuntimeException notAnAddress) {
            return null;
        }
    }

    /** The provider's names when they fit our rules; a name we cannot keep is left out, not refused. */
    private static Profile profileOf(ProviderIdentity identity) {
        return new Profile(null, nameOrEmpty(identity.givenName()), nameOrEmpty(identity.familyName()), null, null);
    }

    private static String nameOrEmpty(String name) {
        if (name == null) {
            return "";
        }
        try {
            return Profile.name(name);
        } catch (RuntimeException unfit) {
            return "";
        }
    }
}
