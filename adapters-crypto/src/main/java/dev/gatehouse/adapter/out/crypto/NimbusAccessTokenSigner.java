package dev.gatehouse.adapter.out.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.application.port.out.AccessTokenClaims;
import dev.gatehouse.application.port.out.AccessTokenSigner;
import dev.gatehouse.application.port.out.SigningKeyStore;
import dev.gatehouse.application.port.out.SigningKeyStore.StoredSigningKey;
import io.micronaut.context.annotation.Context;
import jakarta.inject.Inject;
import java.security.Provider;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ES256 access tokens with Nimbus JOSE. Keys live in the {@link SigningKeyStore}, private halves
 * encrypted, so every instance signs with the same key and verifies what any other issued. A
 * token naming a key we do not hold triggers one reload (rate-limited): a key made by another
 * instance is found, a forged kid costs nothing.
 */
// Created at start-up, not on first use: a wrong master key or a broken native library should stop
// the service before it takes traffic, and the first login should not pay for set-up.
@Context
public final class NimbusAccessTokenSigner implements AccessTokenSigner {
    private static final Logger LOG = LoggerFactory.getLogger(NimbusAccessTokenSigner.class);
    static final JOSEObjectType ACCESS_TOKEN_TYPE = new JOSEObjectType("at+jwt");
    private static final JWSAlgorithm ALGORITHM = JWSAlgorithm.ES256;
    private static final Duration RELOAD_INTERVAL = Duration.ofSeconds(10);
    /**
     * How long a retired key stays in the key set: the longest access-token lifetime the settings
     * allow, so no token signed before a rotation fails verification before it expires.
     */
    static final Duration RETIRED_KEY_LIFETIME = Duration.ofHours(24);
    /** Header parameters we never honour: a token must not choose where its key comes from. */
    private static final Set<String> FORBIDDEN_HEADERS = Set.of("jku", "x5u", "jwk", "x5c", "crit");

    private record ActiveKey(String kid, ECKey privateKey, JWSSigner signer) {
    }

    private final SigningKeyStore store;
    private final KeyEncryption encryption;
    private final Clock clock;
    private final Map<String, JWSVerifier> verifiers = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> publicJwks = new ConcurrentHashMap<>();
    private final AtomicReference<ActiveKey> active = new AtomicReference<>();
    /** Tokens whose signature and header already checked out (expiry is the caller's to judge, every time). */
    private final Map<String, AccessTokenClaims> verified = new ConcurrentHashMap<>();
    private static final int VERIFIED_CACHE_SIZE = 50_000;
    private volatile Instant lastReload = Instant.EPOCH;

    /** SunEC until the native provider has loaded and passed its cross-check (in the background). */
    private volatile Provider provider = EcdsaProvider.jdk();
    private final CompletableFuture<Void> providerChosen;

    public NimbusAccessTokenSigner(SigningKeyStore store, KeyEncryption encryption, Clock clock) {
        this(store, encryption, clock, EcdsaSettings.DEFAULT);
    }

    @Inject
    public NimbusAccessTokenSigner(SigningKeyStore store, KeyEncryption encryption, Clock clock, EcdsaSettings ecdsa) {
        this.store = store;
        this.encryption = encryption;
        this.clock = clock;
        StoredSigningKey current = store.activeOrCreate(this::generate);
        reload();
        LOG.info("Signing access tokens with {} key {}", current.algorithm(), current.kid());
        // Loading AWS-LC (extracting and linking its library, then the cross-check) takes 60-150 ms: done
        // beside start-up rather than in front of it; tokens are signed by SunEC until then.
        this.providerChosen = ecdsa.nativeAllowed()
                ? CompletableFuture.runAsync(() -> useProvider(EcdsaProvider.choose(true)), runnable -> {
                    Thread thread = new Thread(runnable, "es256-provider");
                    thread.setDaemon(true);
                    thread.start();
                })
                : CompletableFuture.runAsync(() -> EcdsaProvider.choose(false), Runnable::run);
    }

    private StoredSigningKey generate() {
        try {
            String kid = UUID.randomUUID().toString();
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(ALGORITHM).generate();
            byte[] sealed = encryption.encrypt(kid, key.toJSONString().getBytes(StandardCharsets.UTF_8));
            return new StoredSigningKey(kid, ALGORITHM.getName(), key.toPublicJWK().toJSONString(), sealed, clock.instant(), null);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a P-256 key", e);
        }
    }

    /** Reads every key from the store; the newest unretired one signs. */
    @Override
    public synchronized void reload() {
        List<StoredSigningKey> keys = store.findAll();
        ActiveKey newest = null;
        Instant now = clock.instant();
        for (StoredSigningKey stored : keys) {
            if (stored.retiredAt() != null && stored.retiredAt().isBefore(now.minus(RETIRED_KEY_LIFETIME))) {
                // Every token it signed has expired: it leaves the key set.
                verifiers.remove(stored.kid());
                publicJwks.remove(stored.kid());
                continue;
            }
            try {
                ECKey publicKey = ECKey.parse(stored.publicJwk());
                verifiers.computeIfAbsent(stored.kid(), kid -> verifierFor(publicKey));
                publicJwks.putIfAbsent(stored.kid(), publicKey.toJSONObject());
                if (newest == null && stored.retiredAt() == null) {
                    ActiveKey current = active.get();
                    // The periodic reload mostly finds the same key: keep its signer (and the JIT's work on
                    // it) instead of decrypting and rebuilding it every few seconds.
                    if (current != null && current.kid().equals(stored.kid())) {
                        newest = current;
                    } else {
                        ECKey privateKey = ECKey.parse(new String(encryption.decrypt(stored.kid(), stored.encryptedPrivateKey()),
                                StandardCharsets.UTF_8));
                        newest = activeKey(stored.kid(), privateKey, provider);
                    }
                }
            } catch (ParseException | JOSEException e) {
                throw new IllegalStateException("signing key " + stored.kid() + " is unreadable", e);
            }
        }
        if (newest == null) {
            throw new IllegalStateException("no active signing key in the store");
        }
        active.set(newest);
        lastReload = clock.instant();
    }

    @Override
    public synchronized String rotate() {
        StoredSigningKey fresh = store.rotate(this::generate, clock.instant());
        reload();
        LOG.info("Rotated the signing key: now {}", fresh.kid());
        return fresh.kid();
    }

    private static ActiveKey activeKey(String kid, ECKey privateKey, Provider provider) throws JOSEException {
        ECDSASigner signer = new ECDSASigner(privateKey);
        signer.getJCAContext().setProvider(provider);
        return new ActiveKey(kid, privateKey, signer);
    }

    /** Rebuilds the signer and the verifiers on {@code chosen}, from the keys already held in memory. */
    private synchronized void useProvider(Provider chosen) {
        if (chosen == provider) {
            return;
        }
        provider = chosen;
        try {
            ActiveKey current = active.get();
            active.set(activeKey(current.kid(), current.privateKey(), chosen));
            for (Map.Entry<String, Map<String, Object>> jwk : publicJwks.entrySet()) {
                verifiers.put(jwk.getKey(), verifierFor(ECKey.parse(jwk.getValue())));
            }
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException("cannot move the signing keys to " + chosen.getName(), e);
        }
    }

    /** Waits until the provider for ES256 is settled (tests, and a benchmark that must measure the final one). */
    void awaitProvider() {
        providerChosen.join();
    }

    private JWSVerifier verifierFor(ECKey publicKey) {
        try {
            ECDSAVerifier verifier = new ECDSAVerifier(publicKey);
            verifier.getJCAContext().setProvider(provider);
            return verifier;
        } catch (JOSEException e) {
            throw new IllegalStateException("unusable public key " + publicKey.getKeyID(), e);
        }
    }

    @Override
    public String sign(AccessTokenClaims claims) {
        ActiveKey key = active.get();
        JWSHeader header = new JWSHeader.Builder(ALGORITHM).keyID(key.kid()).type(ACCESS_TOKEN_TYPE).build();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(claims.issuer())
                .subject(claims.subject())
                .audience(claims.audience())
                .expirationTime(Date.from(claims.expiresAt()))
                .issueTime(Date.from(claims.issuedAt()))
                .jwtID(claims.jwtId())
                .claim("sid", claims.sessionId())
                .claim("role", claims.role())
                .claim("email_verified", claims.emailVerified())
                .claim("amr", claims.amr())
                .claim("aal", claims.aal())
                .claim("client_id", claims.clientId());
        if (claims.scope() != null) {
            builder.claim("scope", claims.scope());
        }
        JWTClaimsSet body = builder.build();
        SignedJWT jwt = new SignedJWT(header, body);
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
        return jwt.serialize();
    }

    @Override
    public Optional<AccessTokenClaims> verify(String token) {
        // A client presents the same token many times during its few minutes of life: an exact
        // match with a token whose signature already checked out needs no second ECDSA verification.
        AccessTokenClaims known = verified.get(token);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<AccessTokenClaims> claims = verifyUncached(token);
        claims.ifPresent(c -> remember(token, c));
        return claims;
    }

    private void remember(String token, AccessTokenClaims claims) {
        if (verified.size() >= VERIFIED_CACHE_SIZE) {
            // Start over rather than scan: a scan per insert once full would be a cliff at high
            // token turnover; a full cache costs one ECDSA verification per live token to refill.
            verified.clear();
        }
        verified.put(token, claims);
    }

    private Optional<AccessTokenClaims> verifyUncached(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWSHeader header = jwt.getHeader();
            if (!ALGORITHM.equals(header.getAlgorithm()) || !ACCESS_TOKEN_TYPE.equals(header.getType())
                    || header.getKeyID() == null || header.getKeyID().length() > 64
                    || header.getIncludedParams().stream().anyMatch(FORBIDDEN_HEADERS::contains)) {
                return Optional.empty();
            }
            JWSVerifier verifier = verifierFor(header.getKeyID());
            if (verifier == null || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            return claimsOf(jwt.getJWTClaimsSet());
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private JWSVerifier verifierFor(String kid) {
        JWSVerifier verifier = verifiers.get(kid);
        if (verifier == null && clock.instant().isAfter(lastReload.plus(RELOAD_INTERVAL))) {
            reload();
            verifier = verifiers.get(kid);
        }
        return verifier;
    }

    private Optional<AccessTokenClaims> claimsOf(JWTClaimsSet set) throws ParseException {
        List<String> audience = set.getAudience();
        Date exp = set.getExpirationTime();
        Date iat = set.getIssueTime();
        String sid = set.getStringClaim("sid");
        String role = set.getStringClaim("role");
        Boolean verified = set.getBooleanClaim("email_verified");
        if (audience == null || audience.size() != 1 || exp == null || iat == null || sid == null || role == null
                || set.getIssuer() == null || set.getSubject() == null || set.getJWTID() == null || verified == null
                || (set.getNotBeforeTime() != null && set.getNotBeforeTime().toInstant().isAfter(clock.instant()))) {
            return Optional.empty();
        }
        // Tokens signed before amr, aal and client_id were written (minutes old at an upgrade) said a
        // password sign-in at the first-party API, which is what the defaults say.
        List<String> amr = set.getStringListClaim("amr");
        String aal = set.getStringClaim("aal");
        String clientId = set.getStringClaim("client_id");
        return Optional.of(new AccessTokenClaims(set.getIssuer(), set.getSubject(), audience.getFirst(), iat.toInstant(),
                exp.toInstant(), set.getJWTID(), sid, role, verified,
                amr == null ? AccessTokenClaims.DEFAULT_AMR : amr, aal == null ? AccessTokenClaims.DEFAULT_AAL : aal,
                clientId == null ? AccessTokenClaims.DEFAULT_CLIENT_ID : clientId, set.getStringClaim("scope")));
    }

    /** The JCA provider computing the signatures (for the start-up log and the tests). */
    String providerName() {
        return provider.getName();
    }

    @Override
    public List<Map<String, Object>> publicJwks() {
        return List.copyOf(publicJwks.values());
    }
}
