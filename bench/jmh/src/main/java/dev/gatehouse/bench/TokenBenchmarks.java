package dev.gatehouse.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.adapter.out.crypto.KeyEncryption;
import dev.gatehouse.adapter.out.crypto.NimbusAccessTokenSigner;
import dev.gatehouse.application.port.out.AccessTokenClaims;
import dev.gatehouse.application.service.RefreshSuccessor;
import dev.gatehouse.domain.token.OpaqueToken;
import dev.gatehouse.domain.token.TokenHash;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The CPU work of every token request apart from the database: ES256 signing (login, refresh),
 * ES256 verification (me, token/verify), the SHA-256 of a refresh token (refresh, logout) and the
 * HMAC that derives a refresh token's successor (refresh).
 *
 * <p>{@code es256VerifyRepeated} presents the same token again and again through the service's
 * signer, as a client does during a token's life (the signer may remember tokens it verified);
 * {@code es256VerifyUncached} is the signature check itself, with the signer's published key, as
 * for a token seen for the first time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenBenchmarks {
    private NimbusAccessTokenSigner signer;
    private AccessTokenClaims claims;
    private String signedToken;
    private String refreshToken;
    private OpaqueToken opaque;
    private RefreshSuccessor successor;
    private JWSVerifier rawVerifier;

    @Setup
    public void setUp() {
        SecureRandom random = new SecureRandom();
        byte[] masterKey = new byte[32];
        random.nextBytes(masterKey);
        signer = new NimbusAccessTokenSigner(new InMemorySigningKeyStore(), new KeyEncryption(masterKey), Clock.systemUTC());
        Instant now = Instant.now();
        // Far-off expiry: the verified token must stay valid for the whole run.
        claims = new AccessTokenClaims("http://localhost:8080", UUID.randomUUID().toString(), "gatehouse", now,
                now.plus(Duration.ofDays(1)), UUID.randomUUID().toString(), UUID.randomUUID().toString(), "viewer", true);
        signedToken = signer.sign(claims);
        if (signer.verify(signedToken).isEmpty()) {
            throw new IllegalStateException("the signer does not verify its own token");
        }
        try {
            ECKey published = ECKey.parse(signer.publicJwks().getFirst());
            rawVerifier = new ECDSAVerifier(published);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException(e);
        }
        opaque = OpaqueToken.generate(random);
        refreshToken = opaque.value();
        byte[] successorKey = new byte[32];
        random.nextBytes(successorKey);
        successor = new RefreshSuccessor(successorKey);
    }

    @Benchmark
    public String es256Sign() {
        return signer.sign(claims);
    }

    @Benchmark
    public Optional<AccessTokenClaims> es256VerifyRepeated() {
        return signer.verify(signedToken);
    }

    @Benchmark
    public boolean es256VerifyUncached() throws ParseException, JOSEException {
        return SignedJWT.parse(signedToken).verify(rawVerifier);
    }

    @Benchmark
    public TokenHash refreshTokenHash() {
        return TokenHash.of(refreshToken);
    }

    @Benchmark
    public OpaqueToken refreshSuccessorHmac() {
        return successor.of(opaque);
    }
}
