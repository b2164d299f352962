package dev.gatehouse.adapter.out.crypto;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.CollectedClientData;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.BadChallengeException;
import com.webauthn4j.verifier.exception.BadOriginException;
import com.webauthn4j.verifier.exception.BadSignatureException;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import com.webauthn4j.verifier.exception.VerificationException;
import dev.gatehouse.application.port.out.PasskeyVerifier;
import dev.gatehouse.application.settings.WebAuthnSettings;
import dev.gatehouse.domain.passkey.Passkey;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * WebAuthn verification by webauthn4j: CBOR, COSE keys and attestation statements are the library's. Attestation
 * is not judged ("none" is what we ask for, and any other statement is accepted without a trust path): Gatehouse
 * asks for a passkey, not for a particular make of authenticator. User verification is required at both ceremonies.
 */
public final class WebAuthn4jPasskeyVerifier implements PasskeyVerifier {
    private final WebAuthnSettings settings;
    private final WebAuthnManager manager;
    private final AttestedCredentialDataConverter credentialData;
    private final Set<Origin> origins = new LinkedHashSet<>();
    // PasskeyOptions.Creation.ALGORITHMS, as the library's types.
    private final List<PublicKeyCredentialParameters> algorithms = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));

    public WebAuthn4jPasskeyVerifier(WebAuthnSettings settings) {
        this.settings = settings;
        ObjectConverter converter = new ObjectConverter();
        this.manager = WebAuthnManager.createNonStrictWebAuthnManager(converter);
        this.credentialData = new AttestedCredentialDataConverter(converter);
        settings.origins().forEach(o -> origins.add(new Origin(o)));
    }

    @Override
    public byte[] registrationChallenge(String credentialJson) {
        return challengeOf(parseRegistration(credentialJson).getCollectedClientData());
    }

    @Override
    public NewCredential verifyRegistration(String credentialJson, byte[] challenge) {
        RegistrationData data = parseRegistration(credentialJson);
        try {
            manager.verify(data, new RegistrationParameters(server(challenge), algorithms, true, true));
        } catch (VerificationException e) {
            throw new RejectedException(reason(e));
        }
        AuthenticatorData<?> authenticator = data.getAttestationObject().getAuthenticatorData();
        AttestedCredentialData attested = authenticator.getAttestedCredentialData();
        List<String> transports = data.getTransports() == null ? List.of()
                : data.getTransports().stream().map(AuthenticatorTransport::getValue).sorted(Comparator.naturalOrder()).toList();
        if (attested.getCredentialId().length > Passkey.MAX_CREDENTIAL_ID) {
            throw new RejectedException("credential id too long");
        }
        return new NewCredential(attested.getCredentialId(), credentialData.convert(attested), authenticator.getSignCount(),
                authenticator.isFlagUV(), authenticator.isFlagBE(), authenticator.isFlagBS(), transports);
    }

    @Override
    public AssertionClaims readAssertion(String credentialJson) {
        AuthenticationData data = parseAssertion(credentialJson);
        if (data.getCredentialId() == null || data.getCredentialId().length == 0) {
            throw new RejectedException("no credential id");
        }
        return new AssertionClaims(data.getCredentialId(), challengeOf(data.getCollectedClientData()), data.getUserHandle());
    }

    @Override
    public VerifiedAssertion verifyAssertion(String credentialJson, byte[] challenge, Passkey passkey) {
        AuthenticationData data = parseAssertion(credentialJson);
        AttestedCredentialData attested;
        try {
            attested = credentialData.convert(passkey.credentialData());
        } catch (RuntimeException e) {
            throw new RejectedException("stored credential unreadable");
        }
        CredentialRecordImpl record = new CredentialRecordImpl(new NoneAttestationStatement(),
                passkey.userVerifiedAtRegistration(), passkey.backupEligible(), passkey.backedUp(), passkey.signCount(),
                attested, null, null, null, null);
        try {
            manager.verify(data, new AuthenticationParameters(server(challenge), record,
                    List.of(passkey.credentialId()), true, true));
        } catch (MaliciousCounterValueException e) {
            throw new CounterRegressedException(data.getAuthenticatorData().getSignCount());
        } catch (VerificationException e) {
            throw new RejectedException(reason(e));
        }
        AuthenticatorData<?> authenticator = data.getAuthenticatorData();
        return new VerifiedAssertion(authenticator.getSignCount(), authenticator.isFlagBS());
    }

    private ServerProperty server(byte[] challenge) {
        return ServerProperty.builder().origins(origins).rpId(settings.rpId()).challenge(new DefaultChallenge(challenge)).build();
    }

    private RegistrationData parseRegistration(String json) {
        try {
            RegistrationData data = manager.parseRegistrationResponseJSON(json);
            if (data.getCollectedClientData() == null || data.getAttestationObject() == null) {
                throw new RejectedException("incomplete registration response");
            }
            return data;
        } catch (RejectedException e) {
            throw e;
        } catch (RuntimeException e) {
            // Malformed JSON, base64url or CBOR: whatever the library's exception, it is the client's fault.
            throw new RejectedException("malformed registration response");
        }
    }

    private AuthenticationData parseAssertion(String json) {
        try {
            AuthenticationData data = manager.parseAuthenticationResponseJSON(json);
            if (data.getCollectedClientData() == null || data.getAuthenticatorData() == null) {
                throw new RejectedException("incomplete assertion");
            }
            return data;
        } catch (RejectedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RejectedException("malformed assertion");
        }
    }

    private static byte[] challengeOf(CollectedClientData clientData) {
        if (clientData.getChallenge() == null) {
            throw new RejectedException("no challenge in the client data");
        }
        return clientData.getChallenge().getValue();
    }

    /** Short, fixed words for the audit log: never the library's message, which may quote client input. */
    private static String reason(VerificationException e) {
        return switch (e) {
            case BadOriginException ignored -> "origin not allowed";
            case BadChallengeException ignored -> "challenge mismatch";
            case BadSignatureException ignored -> "bad signature";
            case com.webauthn4j.verifier.exception.BadRpIdException ignored -> "relying party id mismatch";
            case com.webauthn4j.verifier.exception.UserNotVerifiedException ignored -> "user not verified";
            case com.webauthn4j.verifier.exception.UserNotPresentException ignored -> "user not present";
            case com.webauthn4j.verifier.exception.InconsistentClientDataTypeException ignored -> "wrong ceremony type";
            case com.webauthn4j.verifier.exception.NotAllowedAlgorithmException ignored -> "algorithm not allowed";
            default -> "verification failed";
        };
    }
}
