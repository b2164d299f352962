package dev.gatehouse.adapter.out.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.application.port.out.PasskeyVerifier;
import dev.gatehouse.application.settings.WebAuthnSettings;
import dev.gatehouse.domain.passkey.Passkey;
import dev.gatehouse.domain.passkey.PasskeyId;
import dev.gatehouse.domain.passkey.PasskeyName;
import dev.gatehouse.domain.user.UserId;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebAuthn4jPasskeyVerifierTest {
    private static final String ORIGIN = "https://login.example.com";
    private final WebAuthn4jPasskeyVerifier verifier = new WebAuthn4jPasskeyVerifier(
            new WebAuthnSettings("example.com", "Example", List.of(ORIGIN), Duration.ofMinutes(5)));
    private final Instant now = Instant.parse("2026-12-04T12:00:00Z");
    private final UserId user = UserId.newId(now);

    private static byte[] challenge() {
        byte[] c = new byte[32];
        new SecureRandom().nextBytes(c);
        return c;
    }

    private Passkey registered(SoftwareAuthenticator authenticator) {
        byte[] challenge = challenge();
        String json = authenticator.register(challenge, new byte[16]);
        assertArrayEquals(challenge, verifier.registrationChallenge(json));
        PasskeyVerifier.NewCredential created = verifier.verifyRegistration(json, challenge);
        assertArrayEquals(authenticator.credentialId(), created.credentialId());
        assertTrue(created.userVerified());
        assertTrue(created.backupEligible());
        assertTrue(created.backedUp());
        assertEquals(List.of("internal"), created.transports());
        return Passkey.register(PasskeyId.newId(now), user, created.credentialId(), created.credentialData(), created.transports(),
                created.backupEligible(), created.backedUp(), created.userVerified(), created.signCount(), PasskeyName.DEFAULT, now);
    }

    @Test
    void aNoneAttestationRegistersAndItsAssertionsVerifyWithACounterThatAdvances() {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator(ORIGIN, "example.com");
        Passkey passkey = registered(authenticator);
        assertEquals(1, passkey.signCount());
        byte[] challenge = challenge();
        String assertion = authenticator.assertion(challenge);
        PasskeyVerifier.AssertionClaims claims = verifier.readAssertion(assertion);
        assertArrayEquals(challenge, claims.challenge());
        assertArrayEquals(authenticator.credentialId(), claims.credentialId());
        PasskeyVerifier.VerifiedAssertion verified = verifier.verifyAssertion(assertion, challenge, passkey);
        assertEquals(2, verified.signCount());
    }

    @Test
    void aPackedSelfAttestationRegistersToo() {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator(ORIGIN, "example.com");
        authenticator.packedAttestation = true;
        registered(authenticator);
    }

    @Test
    void aRegistrationFromAnOriginNotConfiguredIsRejected() {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator("https://evil.example.net", "example.com");
        byte[] challenge = challenge();
        PasskeyVerifier.RejectedException e = assertThrows(PasskeyVerifier.RejectedException.class,
                () -> verifier.verifyRegistration(authenticator.register(challenge, new byte[16]), challenge));
        assertEquals("origin not allowed", e.getMessage());
    }

    @Test
    void aCredentialForAnotherRelyingPartyIsRejected() {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator(ORIGIN, "evil.example");
        byte[] challenge = challenge();
        assertThrows(PasskeyVerifier.RejectedException.class,
                () -> verifier.verifyRegistration(authenticator.register(challenge, new byte[16]), challenge));
    }

    @Test
    void anAssertionForAnotherChallengeOrFromAnotherOriginIsRejected() {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator(ORIGIN, "example.com");
        Passkey passkey = registered(authenticator);
        String assertion = authenticator.assertion(challenge());
        assertEquals("challenge mismatch", assertThrows(PasskeyVerifier.RejectedException.class,
                () -> verifier.verifyAssertion(assertion, challenge(), passkey)).getMessage());
        authenticator.origin = "https://login.example.com.evil.net";
        byte[] challenge = challenge();
        String elsewhere = authenticator.assertion(challenge);
        assertEquals("origin not allowed", assertThrows(PasskeyVerifier.RejectedException.class,
                () -> verifier.verifyAssertion(elsewhere, challenge, passkey)).getMessage());
    }

    @Test
    void anAssertionSignedByAnotherKeyIsRejected() {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator(ORIGIN, "example.com");
        Passkey passkey = registered(authenticator);
        SoftwareAuthenticator other = new SoftwareAuthenticator(ORIGIN, "example.com");
        registered(other);
        byte[] challenge = challenge();
        String forged = other.assertion(challenge).replace(other.credentialIdText(), authenticator.credentialIdText());
        assertEquals("bad signature", assertThrows(PasskeyVerifier.RejectedException.class,
                () -> verifier.verifyAssertion(forged, challenge, passkey)).getMessage());
    }

    @Test
    void aCounterThatGoesBackwardsIsReportedAsSuch() {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator(ORIGIN, "example.com");
        Passkey passkey = registered(authenticator);
        passkey.recordUse(5, true, now);
        authenticator.setCounter(2);
        byte[] challenge = challenge();
        PasskeyVerifier.CounterRegressedException e = assertThrows(PasskeyVerifier.CounterRegressedException.class,
                () -> verifier.verifyAssertion(authenticator.assertion(challenge), challenge, passkey));
        assertEquals(3, e.presented());
    }

    @Test
    void malformedAnswersAreRejectedNotThrownThrough() {
        assertThrows(PasskeyVerifier.RejectedException.class, () -> verifier.registrationChallenge("{}"));
        assertThrows(PasskeyVerifier.RejectedException.class, () -> verifier.registrationChallenge("not json"));
        assertThrows(PasskeyVerifier.RejectedException.class, () -> verifier.readAssertion("{\"id\":\"AA\",\"response\":{}}"));
    }
}
