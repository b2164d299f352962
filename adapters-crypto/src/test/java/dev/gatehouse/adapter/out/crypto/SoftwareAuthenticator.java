package dev.gatehouse.adapter.out.crypto;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.AttestationStatement;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.attestation.statement.PackedAttestationStatement;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A passkey authenticator in software, for tests: a real P-256 key from the JDK, real CBOR written by
 * webauthn4j's converters (attestation "none" or "packed" self attestation), real ES256 signatures, and the
 * JSON a browser's {@code PublicKeyCredential.toJSON()} writes. Nothing is faked but the hardware.
 */
public final class SoftwareAuthenticator {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectConverter CONVERTER = new ObjectConverter();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair keys;
    private final byte[] credentialId = new byte[32];
    private byte[] userHandle;
    private long counter;
    /** Where the "browser" runs: written into the client data, as a browser does. */
    public String origin;
    public String rpId;
    /** Whether this authenticator counts its signatures (synced passkeys do not: they always say 0). */
    public boolean counts = true;
    public boolean packedAttestation;

    public SoftwareAuthenticator(String origin, String rpId) {
        this.origin = origin;
        this.rpId = rpId;
        RANDOM.nextBytes(credentialId);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] credentialId() {
        return credentialId.clone();
    }

    public String credentialIdText() {
        return B64.encodeToString(credentialId);
    }

    /** Sets the next counter value minus one: {@code setCounter(0)} after a few sign-ins makes the next one go backwards. */
    public void setCounter(long value) {
        this.counter = value;
    }

    public long counter() {
        return counter;
    }

    /** The answer to {@code navigator.credentials.create}, as JSON. */
    public String register(byte[] challenge, byte[] userHandle) {
        this.userHandle = userHandle.clone();
        byte[] clientData = clientData("webauthn.create", challenge);
        AttestedCredentialData attested = new AttestedCredentialData(AAGUID.ZERO, credentialId,
                EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256));
        byte flags = (byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV | AuthenticatorData.BIT_AT
                | AuthenticatorData.BIT_BE | AuthenticatorData.BIT_BS);
        AuthenticatorData<com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput> data =
                new AuthenticatorData<>(sha256(rpId.getBytes(StandardCharsets.UTF_8)), flags, nextCount(), attested);
        byte[] authData = new AuthenticatorDataConverter(CONVERTER).convert(data);
        AttestationStatement statement = packedAttestation
                ? new PackedAttestationStatement(COSEAlgorithmIdentifier.ES256, sign(authData, clientData), null)
                : new NoneAttestationStatement();
        byte[] attestationObject = new AttestationObjectConverter(CONVERTER).convertToBytes(new AttestationObject(data, statement));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("clientDataJSON", B64.encodeToString(clientData));
        response.put("attestationObject", B64.encodeToString(attestationObject));
        response.put("transports", java.util.List.of("internal"));
        return credential(response);
    }

    /** The answer to {@code navigator.credentials.get}, as JSON. */
    public String assertion(byte[] challenge) {
        byte[] clientData = clientData("webauthn.get", challenge);
        byte flags = (byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV | AuthenticatorData.BIT_BE | AuthenticatorData.BIT_BS);
        byte[] authData = new AuthenticatorDataConverter(CONVERTER).convert(
                new AuthenticatorData<>(sha256(rpId.getBytes(StandardCharsets.UTF_8)), flags, nextCount()));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("clientDataJSON", B64.encodeToString(clientData));
        response.put("authenticatorData", B64.encodeToString(authData));
        response.put("signature", B64.encodeToString(sign(authData, clientData)));
        response.put("userHandle", userHandle == null ? null : B64.encodeToString(userHandle));
        return credential(response);
    }

    /** For a passkey of another account: this authenticator answers with that account's user handle. */
    public void claimUserHandle(byte[] handle) {
        this.userHandle = handle.clone();
    }

    private long nextCount() {
        if (!counts) {
            return 0;
        }
        return ++counter;
    }

    private String credential(Map<String, Object> response) {
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("id", B64.encodeToString(credentialId));
        credential.put("rawId", B64.encodeToString(credentialId));
        credential.put("type", "public-key");
        credential.put("authenticatorAttachment", "platform");
        credential.put("response", response);
        credential.put("clientExtensionResults", Map.of());
        return CONVERTER.getJsonMapper().writeValueAsString(credential);
    }

    private byte[] clientData(String type, byte[] challenge) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", type);
        data.put("challenge", B64.encodeToString(challenge));
        data.put("origin", origin);
        data.put("crossOrigin", false);
        return CONVERTER.getJsonMapper().writeValueAsString(data).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] sign(byte[] authData, byte[] clientData) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(keys.getPrivate());
            signature.update(ByteBuffer.allocate(authData.length + 32).put(authData).put(sha256(clientData)).array());
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
