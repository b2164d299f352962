package dev.gatehouse.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.Provider;
import java.security.Security;
import java.text.ParseException;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * ES256 with Nimbus JOSE on each provider the service could use: AWS-LC through Amazon Corretto
 * Crypto Provider (what it uses on Linux x86-64), the JDK's SunEC (its fallback) and BouncyCastle.
 * Same claims shape as an access token.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Es256ProviderBenchmarks {
    @Param({"ACCP", "SunEC", "BC"})
    public String provider;

    private ECDSASigner signer;
    private ECDSAVerifier verifier;
    private JWSHeader header;
    private JWTClaimsSet claims;
    private String token;

    @Setup
    public void setUp() throws JOSEException {
        Provider jca = switch (provider) {
            case "BC" -> new BouncyCastleProvider();
            case "ACCP" -> com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider.INSTANCE;
            default -> Security.getProvider("SunEC");
        };
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
        signer = new ECDSASigner(key);
        signer.getJCAContext().setProvider(jca);
        verifier = new ECDSAVerifier(key.toPublicJWK());
        verifier.getJCAContext().setProvider(jca);
        header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(new JOSEObjectType("at+jwt")).build();
        Date now = new Date();
        claims = new JWTClaimsSet.Builder().issuer("http://localhost:8080").subject(UUID.randomUUID().toString())
                .audience("gatehouse").issueTime(now).expirationTime(new Date(now.getTime() + 86_400_000L))
                .jwtID(UUID.randomUUID().toString()).claim("sid", UUID.randomUUID().toString()).claim("role", "viewer")
                .claim("email_verified", true).build();
        token = sign();
        if (!verify()) {
            throw new IllegalStateException(provider + " does not verify its own signature");
        }
    }

    @Benchmark
    public String sign() throws JOSEException {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    @Benchmark
    public boolean verify() throws JOSEException {
        try {
            return SignedJWT.parse(token).verify(verifier);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
