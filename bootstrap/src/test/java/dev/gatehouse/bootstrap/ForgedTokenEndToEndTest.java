package dev.gatehouse.bootstrap;

import static dev.gatehouse.bootstrap.ForgeJws.b64;
import static dev.gatehouse.bootstrap.ForgeJws.es256;
import static dev.gatehouse.bootstrap.ForgeJws.header;
import static dev.gatehouse.bootstrap.ForgeJws.headerJson;
import static dev.gatehouse.bootstrap.ForgeJws.hmac;
import static dev.gatehouse.bootstrap.ForgeJws.json;
import static dev.gatehouse.bootstrap.ForgeJws.parts;
import static dev.gatehouse.bootstrap.ForgeJws.payload;
import static dev.gatehouse.bootstrap.ForgeJws.payloadJson;
import static dev.gatehouse.bootstrap.ForgeJws.sign;
import static dev.gatehouse.bootstrap.ForgeJws.unb64;
import static dev.gatehouse.bootstrap.ForgeJws.unsigned;
import static dev.gatehouse.bootstrap.ForgeJws.with;
import static dev.gatehouse.bootstrap.ForgeJws.withHeader;
import static dev.gatehouse.bootstrap.ForgeJws.withPayload;
import static dev.gatehouse.bootstrap.ForgeJws.withSignature;
import static dev.gatehouse.bootstrap.ForgeJws.without;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import dev.gatehouse.adapter.out.crypto.KeyEncryption;
import dev.gatehouse.application.port.out.AccessTokenClaims;
import dev.gatehouse.application.port.out.AccessTokenSigner;
import dev.gatehouse.application.port.out.SigningKeyStore;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every way we know to forge, tamper with or replay an access token, thrown at both places that
 * accept one: {@code GET /api/auth/me} (Bearer) and {@code POST /api/auth/token/verify}. Each must
 * answer 401 {@code token_not_valid}, while the genuine token keeps working before and after.
 *
 * <p>Three kinds of forger: the outsider, who has the public JWKS and any token of their own; the
 * server's own {@link AccessTokenSigner} (valid signature, claims the service must still refuse);
 * and the insider holding the real private key, who can sign any header and payload at all — that
 * proves each header and claim check holds on its own, not merely because the signature failed.
 */
@MicronautTest(transactional = false)
class ForgedTokenEndToEndTest extends HttpTest {
    private static final String ME = "/api/auth/me";
    private static final String VERIFY = "/api/auth/token/verify";
    private static final String ES256 = "SHA256withECDSAinP1363Format";
    /** Order of the P-256 group: r = s = n is the other classic "psychic signature". */
    private static final BigInteger P256_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    @Inject
    AccessTokenSigner signer;
    @Inject
    SigningKeyStore keyStore;
    @Inject
    KeyEncryption keyEncryption;
    @Inject
    UserRepository users;
    @Inject
    Transactions transactions;

    /** A freshly registered account and its genuine access token, taken apart. */
    record Victim(String email, String access, String refresh, String userId, Map<String, Object> header, Map<String, Object> claims) {
        String kid() {
            return (String) header.get("kid");
        }

        String sid() {
            return (String) claims.get("sid");
        }

        String issuer() {
            return (String) claims.get("iss");
        }

        String audience() {
            Object aud = claims.get("aud");
            return aud instanceof List<?> list ? (String) list.getFirst() : (String) aud;
        }

        long exp() {
            return ((Number) claims.get("exp")).longValue();
        }
    }

    record Forgery(String name, String token) {
    }

    // Registrations are rate-limited per client: two shared accounts, a fresh session (login) per test.
    private String victimEmail;
    private String otherEmail;

    /** A fresh session of the shared victim account. */
    private Victim victim() {
        if (victimEmail == null) {
            victimEmail = uniqueEmail();
            register(victimEmail);
        }
        return session(victimEmail);
    }

    /** A fresh session of a second account, for splicing and cross-account variants. */
    private Victim other() {
        if (otherEmail == null) {
            otherEmail = uniqueEmail();
            register(otherEmail);
        }
        return session(otherEmail);
    }

    private Victim session(String email) {
        Response loggedIn = postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD));
        assertEquals(200, loggedIn.status(), loggedIn.body());
        return victimOf(email, loggedIn);
    }

    private static Victim victimOf(String email, Response tokens) {
        String access = tokens.string("access");
        @SuppressWarnings("unchecked")
        String userId = (String) ((Map<String, Object>) tokens.map().get("user")).get("id");
        Victim victim = new Victim(email, access, tokens.string("refresh"), userId, header(access), payload(access));
        assertEquals("ES256", victim.header().get("alg"), "the genuine token is what these tests assume");
        assertEquals("at+jwt", victim.header().get("typ"));
        assertNotNull(victim.kid());
        assertEquals(userId, victim.claims().get("sub"));
        assertEquals("viewer", victim.claims().get("role"));
        return victim;
    }

    // ---------------------------------------------------------------- outsider: no key at all

    @TestFactory
    Stream<DynamicTest> unsignedTokensAreRefused() {
        Victim v = victim();
        Map<String, Object> admin = with(v.claims(), "role", "admin");
        List<Forgery> forgeries = new ArrayList<>();
        for (String none : List.of("none", "NONE", "None", "nOnE")) {
            forgeries.add(new Forgery("alg " + none + ", empty signature",
                    unsigned(with(v.header(), "alg", none), v.claims())));
            forgeries.add(new Forgery("alg " + none + ", empty signature, role admin",
                    unsigned(with(v.header(), "alg", none), admin)));
        }
        forgeries.add(new Forgery("alg none, minimal header {\"alg\":\"none\"}", unsigned(Map.of("alg", "none"), v.claims())));
        forgeries.add(new Forgery("alg none, no signature part at all (two segments)",
                b64(json(with(v.header(), "alg", "none"))) + "." + b64(json(v.claims()))));
        forgeries.add(new Forgery("alg none, genuine signature kept", withHeader(v.access(), with(v.header(), "alg", "none"))));
        forgeries.add(new Forgery("alg empty string, empty signature", unsigned(with(v.header(), "alg", ""), v.claims())));
        forgeries.add(new Forgery("alg missing, genuine signature kept", withHeader(v.access(), without(v.header(), "alg"))));
        forgeries.add(new Forgery("alg ES256, signature stripped", withSignature(v.access(), "")));
        forgeries.add(new Forgery("alg ES256, signature stripped, role admin", withSignature(withPayload(v.access(), admin), "")));
        return refusals(v, forgeries);
    }

    @TestFactory
    Stream<DynamicTest> hmacSignedWithOurPublicKeyIsRefused() throws Exception {
        Victim v = victim();
        Response jwksResponse = get("/.well-known/jwks.json");
        assertEquals(200, jwksResponse.status(), jwksResponse.body());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> keys = (List<Map<String, Object>>) jwksResponse.map().get("keys");
        Map<String, Object> jwk = keys.stream().filter(k -> v.kid().equals(k.get("kid"))).findFirst()
                .orElseThrow(() -> new AssertionError("our kid is not in the JWKS: " + jwksResponse.body()));
        ECKey ecKey = ECKey.parse(jwk);
        byte[] x = unb64((String) jwk.get("x"));
        byte[] y = unb64((String) jwk.get("y"));
        byte[] der = ecKey.toECPublicKey().getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END PUBLIC KEY-----\n";

        Map<String, byte[]> secrets = new LinkedHashMap<>();
        secrets.put("the JWKS document exactly as served", jwksResponse.body().getBytes(StandardCharsets.UTF_8));
        secrets.put("our JWK object alone, re-serialised", json(jwk).getBytes(StandardCharsets.UTF_8));
        secrets.put("our JWK as Nimbus writes it", ecKey.toJSONString().getBytes(StandardCharsets.UTF_8));
        secrets.put("raw x || y (64 bytes)", concat(x, y));
        secrets.put("uncompressed point 04 || x || y", concat(new byte[]{4}, concat(x, y)));
        secrets.put("raw x only", x);
        secrets.put("X.509 SubjectPublicKeyInfo DER", der);
        secrets.put("PEM public key", pem.getBytes(StandardCharsets.US_ASCII));
        secrets.put("PEM public key without trailing newline", pem.strip().getBytes(StandardCharsets.US_ASCII));

        Map<String, Object> admin = with(v.claims(), "role", "admin");
        List<Forgery> forgeries = new ArrayList<>();
        secrets.forEach((what, secret) -> {
            forgeries.add(new Forgery("HS256 keyed with " + what, hmac(with(v.header(), "alg", "HS256"), v.claims(), secret, "HmacSHA256")));
            forgeries.add(new Forgery("HS256 keyed with " + what + ", role admin",
                    hmac(with(v.header(), "alg", "HS256"), admin, secret, "HmacSHA256")));
        });
        for (String what : List.of("our JWK object alone, re-serialised", "PEM public key", "raw x || y (64 bytes)")) {
            forgeries.add(new Forgery("HS384 keyed with " + what, hmac(with(v.header(), "alg", "HS384"), v.claims(), secrets.get(what), "HmacSHA384")));
            forgeries.add(new Forgery("HS512 keyed with " + what, hmac(with(v.header(), "alg", "HS512"), v.claims(), secrets.get(what), "HmacSHA512")));
        }
        forgeries.add(new Forgery("HS256 keyed with our JWK, alg header still ES256 (MAC bytes as signature)",
                withHeader(hmac(with(v.header(), "alg", "HS256"), v.claims(), secrets.get("our JWK object alone, re-serialised"), "HmacSHA256"),
                        v.header())));
        return refusals(v, forgeries);
    }

    @TestFactory
    Stream<DynamicTest> tokensSignedWithAnAttackersKeyAreRefused() {
        Victim v = victim();
        KeyPair attacker = ForgeJws.ecKeyPair("secp256r1");
        PrivateKey key = attacker.getPrivate();
        Map<String, Object> attackerJwk = new ECKey.Builder(Curve.P_256, (ECPublicKey) attacker.getPublic())
                .keyID(v.kid()).build().toJSONObject();
        Map<String, Object> admin = with(v.claims(), "role", "admin");
        Map<String, Object> h = v.header();

        List<Forgery> forgeries = new ArrayList<>();
        forgeries.add(new Forgery("ES256 by an attacker's P-256 key, our real kid", es256(h, v.claims(), key)));
        forgeries.add(new Forgery("ES256 by an attacker's P-256 key, our real kid, role admin", es256(h, admin, key)));
        forgeries.add(new Forgery("ES256 by an attacker's P-256 key, unknown kid", es256(with(h, "kid", UUID.randomUUID().toString()), v.claims(), key)));
        forgeries.add(new Forgery("ES256 by an attacker's P-256 key, no kid", es256(without(h, "kid"), v.claims(), key)));
        forgeries.add(new Forgery("ES256 by an attacker's P-256 key, empty kid", es256(with(h, "kid", ""), v.claims(), key)));
        forgeries.add(new Forgery("ES256 by an attacker's P-256 key, kid of 65 characters", es256(with(h, "kid", "k".repeat(65)), v.claims(), key)));
        forgeries.add(new Forgery("ES256 by an attacker's P-256 key, SQL-injection kid",
                es256(with(h, "kid", "' OR '1'='1' --"), v.claims(), key)));
        forgeries.add(new Forgery("ES256 by an attacker's P-256 key, path-traversal kid",
                es256(with(h, "kid", "../../../../../../dev/null"), v.claims(), key)));
        forgeries.add(new Forgery("ES256 by an attacker's P-256 key, kid as a number", es256(with(h, "kid", 1), v.claims(), key)));
        forgeries.add(new Forgery("ES256 by an attacker's key embedded as jwk, our kid", es256(with(h, "jwk", attackerJwk), v.claims(), key)));
        forgeries.add(new Forgery("ES256 by an attacker's key embedded as jwk, no kid",
                es256(with(without(h, "kid"), "jwk", attackerJwk), v.claims(), key)));
        forgeries.add(new Forgery("ES256 by an attacker's key, jku to the attacker's JWKS",
                es256(with(h, "jku", "https://attacker.example/.well-known/jwks.json"), v.claims(), key)));
        forgeries.add(new Forgery("ES256 by an attacker's key, jku to our own JWKS URL",
                es256(with(h, "jku", "http://localhost:" + server.getPort() + "/.well-known/jwks.json"), v.claims(), key)));
        forgeries.add(new Forgery("ES256 by an attacker's key, x5u", es256(with(h, "x5u", "https://attacker.example/cert.pem"), v.claims(), key)));
        forgeries.add(new Forgery("ES256 by an attacker's key, crit [exp]", es256(with(h, "crit", List.of("exp")), v.claims(), key)));
        forgeries.add(new Forgery("ES256 by an attacker's key, typ JWT", es256(with(h, "typ", "JWT"), v.claims(), key)));

        KeyPair p521 = ForgeJws.ecKeyPair("secp521r1");
        forgeries.add(new Forgery("ES512 by an attacker's P-521 key, our kid",
                sign(json(with(h, "alg", "ES512")), json(v.claims()), p521.getPrivate(), "SHA512withECDSAinP1363Format")));
        KeyPair rsa = ForgeJws.rsaKeyPair();
        forgeries.add(new Forgery("RS256 by an attacker's RSA key, our kid",
                sign(json(with(h, "alg", "RS256")), json(v.claims()), rsa.getPrivate(), "SHA256withRSA")));

        String input = parts(v.access())[0] + "." + parts(v.access())[1];
        forgeries.add(new Forgery("psychic signature: r = s = 0 (CVE-2022-21449)", input + "." + b64(new byte[64])));
        byte[] n = unsigned32(P256_ORDER);
        forgeries.add(new Forgery("psychic signature: r = s = n", input + "." + b64(concat(n, n))));
        forgeries.add(new Forgery("psychic signature: r = s = 0, role admin",
                parts(v.access())[0] + "." + b64(json(admin)) + "." + b64(new byte[64])));
        return refusals(v, forgeries);
    }

    // ------------------------------------------------- outsider: genuine token, one part edited

    @TestFactory
    Stream<DynamicTest> anEditedHeaderBreaksTheSignature() {
        Victim v = victim();
        Map<String, Object> h = v.header();
        Map<String, Object> attackerJwk = new ECKey.Builder(Curve.P_256,
                (ECPublicKey) ForgeJws.ecKeyPair("secp256r1").getPublic()).build().toJSONObject();
        String original = headerJson(v.access());
        List<Forgery> forgeries = List.of(
                new Forgery("header + jku, signature kept", withHeader(v.access(), with(h, "jku", "https://attacker.example/jwks.json"))),
                new Forgery("header + x5u, signature kept", withHeader(v.access(), with(h, "x5u", "https://attacker.example/cert.pem"))),
                new Forgery("header + jwk, signature kept", withHeader(v.access(), with(h, "jwk", attackerJwk))),
                new Forgery("header + crit [exp], signature kept", withHeader(v.access(), with(h, "crit", List.of("exp")))),
                new Forgery("header typ JWT, signature kept", withHeader(v.access(), with(h, "typ", "JWT"))),
                new Forgery("header typ removed, signature kept", withHeader(v.access(), without(h, "typ"))),
                new Forgery("header kid removed, signature kept", withHeader(v.access(), without(h, "kid"))),
                new Forgery("header kid unknown, signature kept", withHeader(v.access(), with(h, "kid", UUID.randomUUID().toString()))),
                new Forgery("header alg HS256, signature kept", withHeader(v.access(), with(h, "alg", "HS256"))),
                new Forgery("header + harmless extra parameter, signature kept", withHeader(v.access(), with(h, "note", "hello"))),
                new Forgery("header same JSON plus one space, signature kept",
                        b64("{ " + original.substring(1)) + "." + parts(v.access())[1] + "." + parts(v.access())[2]));
        return refusals(v, forgeries);
    }

    @TestFactory
    Stream<DynamicTest> anEditedPayloadOrSignatureIsRefused() {
        Victim v = victim();
        Victim other = other();
        Map<String, Object> c = v.claims();
        String[] p = parts(v.access());
        String[] o = parts(other.access());
        byte[] flipped = unb64(p[2]);
        flipped[10] ^= 0x01;
        String original = payloadJson(v.access());
        List<Forgery> forgeries = List.of(
                new Forgery("payload role admin, signature kept", withPayload(v.access(), with(c, "role", "admin"))),
                new Forgery("payload sub = another user, signature kept", withPayload(v.access(), with(c, "sub", other.userId()))),
                new Forgery("payload sub random, signature kept", withPayload(v.access(), with(c, "sub", UUID.randomUUID().toString()))),
                new Forgery("payload sid = another user's session, signature kept", withPayload(v.access(), with(c, "sid", other.sid()))),
                new Forgery("payload exp + 1 year, signature kept", withPayload(v.access(), with(c, "exp", v.exp() + 365L * 24 * 3600))),
                new Forgery("payload email_verified true, signature kept", withPayload(v.access(), with(c, "email_verified", true))),
                new Forgery("payload + admin claim, signature kept", withPayload(v.access(), with(c, "is_admin", true))),
                new Forgery("payload same JSON plus one space, signature kept", p[0] + "." + b64("{ " + original.substring(1)) + "." + p[2]),
                new Forgery("this user's header and payload, another user's signature", p[0] + "." + p[1] + "." + o[2]),
                new Forgery("another user's payload, this user's signature", p[0] + "." + o[1] + "." + p[2]),
                new Forgery("signature with one bit flipped", withSignature(v.access(), b64(flipped))),
                new Forgery("signature truncated by 4 characters", withSignature(v.access(), p[2].substring(0, p[2].length() - 4))),
                new Forgery("signature doubled", withSignature(v.access(), b64(concat(unb64(p[2]), unb64(p[2]))))),
                new Forgery("signature of a garbage value", withSignature(v.access(), "AAAA")));
        return refusals(v, forgeries);
    }

    // ------------------------------------------- the server's own signer: valid, but not valid here

    @TestFactory
    Stream<DynamicTest> claimsSignedByTheServerButWrongAreRefused() {
        Victim v = victim();
        Victim other = other();
        Instant now = Instant.now();
        Instant exp = now.plus(Duration.ofMinutes(5));
        String iss = v.issuer();
        String aud = v.audience();
        String sub = v.userId();
        String sid = v.sid();

        // The harness itself: a token the server's signer makes with the right claims must work.
        String control = signer.sign(new AccessTokenClaims(iss, sub, aud, now, exp, UUID.randomUUID().toString(), sid, "viewer", false));
        List<Forgery> forgeries = List.of(
                new Forgery("server-signed, wrong issuer", signer.sign(new AccessTokenClaims("https://evil.example", sub, aud, now, exp, jti(), sid, "viewer", false))),
                new Forgery("server-signed, issuer with a trailing slash", signer.sign(new AccessTokenClaims(iss + "/", sub, aud, now, exp, jti(), sid, "viewer", false))),
                new Forgery("server-signed, wrong audience", signer.sign(new AccessTokenClaims(iss, sub, "some-other-service", now, exp, jti(), sid, "viewer", false))),
                new Forgery("server-signed, audience in upper case", signer.sign(new AccessTokenClaims(iss, sub, aud.toUpperCase(), now, exp, jti(), sid, "viewer", false))),
                new Forgery("server-signed, expired a second ago", signer.sign(new AccessTokenClaims(iss, sub, aud, now.minusSeconds(300), now.minusSeconds(1), jti(), sid, "viewer", false))),
                new Forgery("server-signed, expired a year ago", signer.sign(new AccessTokenClaims(iss, sub, aud, now.minus(Duration.ofDays(366)), now.minus(Duration.ofDays(365)), jti(), sid, "viewer", false))),
                new Forgery("server-signed, iat 10 minutes in the future", signer.sign(new AccessTokenClaims(iss, sub, aud, now.plus(Duration.ofMinutes(10)), now.plus(Duration.ofMinutes(15)), jti(), sid, "viewer", false))),
                new Forgery("server-signed, unknown random sid", signer.sign(new AccessTokenClaims(iss, sub, aud, now, exp, jti(), UUID.randomUUID().toString(), "viewer", false))),
                new Forgery("server-signed, sid not a UUID", signer.sign(new AccessTokenClaims(iss, sub, aud, now, exp, jti(), "not-a-uuid", "viewer", false))),
                new Forgery("server-signed, empty sid", signer.sign(new AccessTokenClaims(iss, sub, aud, now, exp, jti(), "", "viewer", false))),
                new Forgery("server-signed, sid of another user's live session", signer.sign(new AccessTokenClaims(iss, sub, aud, now, exp, jti(), other.sid(), "viewer", false))),
                new Forgery("server-signed, sub of another user on this session", signer.sign(new AccessTokenClaims(iss, other.userId(), aud, now, exp, jti(), sid, "viewer", false))),
                new Forgery("server-signed, sub random on this session", signer.sign(new AccessTokenClaims(iss, UUID.randomUUID().toString(), aud, now, exp, jti(), sid, "viewer", false))));
        return Stream.concat(Stream.of(dynamicTest("control: server-signed with the right claims is accepted",
                () -> assertAccepted("server-signed control", control, v.userId()))), refusals(v, forgeries));
    }

    // --------------------------- the insider: our real private key, any header and payload at all

    @TestFactory
    Stream<DynamicTest> evenOurOwnKeyCannotVouchForBadHeadersOrClaims() throws ParseException {
        Victim v = victim();
        PrivateKey real = serverPrivateKey(v.kid());
        Map<String, Object> h = v.header();
        Map<String, Object> c = v.claims();
        Map<String, Object> ourJwk = publicJwkOf(v.kid());
        long now = Instant.now().getEpochSecond();

        // The harness itself: the genuine header and payload, re-signed with the real key, must work.
        String control = sign(headerJson(v.access()), payloadJson(v.access()), real, ES256);
        List<Forgery> forgeries = List.of(
                new Forgery("real key, typ JWT", es256(with(h, "typ", "JWT"), c, real)),
                new Forgery("real key, typ removed", es256(without(h, "typ"), c, real)),
                new Forgery("real key, typ application/jwt", es256(with(h, "typ", "application/jwt"), c, real)),
                new Forgery("real key, kid removed", es256(without(h, "kid"), c, real)),
                new Forgery("real key, unknown kid", es256(with(h, "kid", UUID.randomUUID().toString()), c, real)),
                new Forgery("real key, jku to our own JWKS", es256(with(h, "jku", "http://localhost:" + server.getPort() + "/.well-known/jwks.json"), c, real)),
                new Forgery("real key, x5u", es256(with(h, "x5u", "https://attacker.example/cert.pem"), c, real)),
                new Forgery("real key, our own public key embedded as jwk", es256(with(h, "jwk", ourJwk), c, real)),
                new Forgery("real key, x5c", es256(with(h, "x5c", List.of(Base64.getEncoder().encodeToString(new byte[]{0x30, 0x00}))), c, real)),
                new Forgery("real key, crit [exp]", es256(with(h, "crit", List.of("exp")), c, real)),
                new Forgery("real key, sid missing", es256(h, without(c, "sid"), real)),
                new Forgery("real key, exp missing", es256(h, without(c, "exp"), real)),
                new Forgery("real key, exp as a string", es256(h, with(c, "exp", "never"), real)),
                new Forgery("real key, iat missing", es256(h, without(c, "iat"), real)),
                new Forgery("real key, iss missing", es256(h, without(c, "iss"), real)),
                new Forgery("real key, aud missing", es256(h, without(c, "aud"), real)),
                new Forgery("real key, aud [ours, another]", es256(h, with(c, "aud", List.of(v.audience(), "another-service")), real)),
                new Forgery("real key, aud [another, ours]", es256(h, with(c, "aud", List.of("another-service", v.audience())), real)),
                new Forgery("real key, sub missing", es256(h, without(c, "sub"), real)),
                new Forgery("real key, nbf 10 minutes ahead", es256(h, with(c, "nbf", now + 600), real)),
                new Forgery("real key, exp in the past", es256(h, with(c, "exp", now - 10), real)),
                new Forgery("real key, iat 10 minutes ahead", es256(h, with(c, "iat", now + 600), real)));
        return Stream.concat(Stream.of(dynamicTest("control: genuine header and payload re-signed with the real key are accepted",
                () -> assertAccepted("real-key control", control, v.userId()))), refusals(v, forgeries));
    }

    // ------------------------------------------------------------------ genuine, but no longer live

    @Test
    void aTokenOfALoggedOutSessionIsRefused() {
        Victim v = victim();
        assertAccepted("before logout", v.access(), v.userId());
        assertEquals(200, postJson("/api/auth/logout", Map.of("refresh", v.refresh())).status());
        assertRefused("access token after logout of its session", v.access());
    }

    @Test
    void aTokenOfARevokedSessionIsRefusedWhileTheOtherSessionLives() {
        Victim v = victim();
        Response second = postJson("/api/auth/login", Map.of("email", v.email(), "password", PASSWORD));
        assertEquals(200, second.status(), second.body());
        assertEquals(204, send("DELETE", "/api/auth/sessions/" + v.sid(), null, null,
                "Authorization", bearer(second.string("access"))).status());
        assertRefused("access token of a session revoked from another session", v.access());
        assertAccepted("the other session", second.string("access"), v.userId());
    }

    /** The account is switched off directly in the user store, so this holds whatever the admin API turns out to be. */
    @Test
    void aTokenOfADeactivatedUserIsRefused() {
        String email = uniqueEmail();
        Victim v = victimOf(email, register(email));
        assertAccepted("before deactivation", v.access(), v.userId());
        setActive(v.userId(), false);
        try {
            assertRefused("access token of a deactivated user", v.access());
        } finally {
            setActive(v.userId(), true);
        }
        assertAccepted("after reactivation (proves the refusal was the deactivation)", v.access(), v.userId());
    }

    // ------------------------------------------------------------------------------------ garbage

    @TestFactory
    Stream<DynamicTest> garbageIsRefused() {
        Victim v = victim();
        String[] p = parts(v.access());
        List<Forgery> forgeries = List.of(
                new Forgery("a.b.c", "a.b.c"),
                new Forgery("a single dot", "."),
                new Forgery("two dots", ".."),
                new Forgery("not.a.jwt", "not.a.jwt"),
                new Forgery("5,000 characters", "x".repeat(5000)),
                new Forgery("5,000 characters in three segments", "a".repeat(1666) + "." + "b".repeat(1666) + "." + "c".repeat(1666)),
                new Forgery("the genuine token padded past 4,096 characters with a junk claim",
                        withPayload(v.access(), with(v.claims(), "pad", "p".repeat(4000)))),
                new Forgery("the refresh token as a Bearer token", v.refresh()),
                new Forgery("header and payload only", p[0] + "." + p[1]),
                new Forgery("five segments, JWE-shaped", p[0] + "." + p[1] + "." + p[2] + ".AAAA.AAAA"),
                new Forgery("the genuine token twice", v.access() + v.access()),
                new Forgery("the genuine token with a trailing dot", v.access() + "."),
                new Forgery("base64 with padding in the header", p[0] + "==." + p[1] + "." + p[2]),
                new Forgery("the header JSON itself", headerJson(v.access())),
                new Forgery("the JWKS URL", "http://localhost:" + server.getPort() + "/.well-known/jwks.json"));
        return refusals(v, forgeries);
    }

    @Test
    void anEmptyTokenIsNoTokenAtAll() {
        // An empty credential is "not authenticated" on /me and a blank field on verify: still refused.
        Response me = get(ME, "Authorization", "Bearer ");
        assertProblem(me, 401, "not_authenticated");
        assertEquals("Bearer", me.headers().firstValue("www-authenticate").orElse(""), "WWW-Authenticate on an empty Bearer");
        assertProblem(postJson(VERIFY, Map.of("token", "")), 400, "validation_failed");
        assertProblem(postJson(VERIFY, Map.of("token", "   ")), 400, "validation_failed");
        assertProblem(post(VERIFY, "{\"token\":null}"), 400, "validation_failed");
    }

    // ------------------------------------------------------------------------------------ helpers

    /** The genuine token works, every forgery is refused, and afterwards the genuine token still works. */
    private Stream<DynamicTest> refusals(Victim v, List<Forgery> forgeries) {
        return Stream.of(
                Stream.of(dynamicTest("genuine token is accepted", () -> assertAccepted("genuine token", v.access(), v.userId()))),
                forgeries.stream().map(f -> dynamicTest(f.name(), () -> assertRefused(f.name(), f.token()))),
                Stream.of(dynamicTest("genuine token is still accepted after the forgeries",
                        () -> assertAccepted("genuine token afterwards", v.access(), v.userId()))))
                .flatMap(s -> s);
    }

    private void assertAccepted(String what, String token, String userId) {
        Response me = get(ME, "Authorization", bearer(token));
        assertEquals(200, me.status(), () -> what + ": GET /me must accept it, got " + me.status() + " " + me.body());
        assertEquals(userId, me.string("id"), what + ": /me answers for the token's user");
        Response verify = postJson(VERIFY, Map.of("token", token));
        assertEquals(200, verify.status(), () -> what + ": token/verify must accept it, got " + verify.status() + " " + verify.body());
        assertEquals("{}", verify.body());
    }

    private void assertRefused(String variant, String token) {
        Response me = get(ME, "Authorization", bearer(token));
        assertEquals(401, me.status(), () -> "SECURITY: GET /me accepted or mis-refused forgery [" + variant + "]: "
                + me.status() + " " + me.body());
        assertProblem(me, 401, "token_not_valid");
        assertEquals("Bearer", me.headers().firstValue("www-authenticate").orElse(null),
                () -> "[" + variant + "] GET /me refusal must carry WWW-Authenticate: Bearer");
        assertNoEcho(variant, "GET /me", token, me.body());

        Response verify = postJson(VERIFY, Map.of("token", token));
        assertEquals(401, verify.status(), () -> "SECURITY: token/verify accepted or mis-refused forgery [" + variant + "]: "
                + verify.status() + " " + verify.body());
        assertProblem(verify, 401, "token_not_valid");
        assertNoEcho(variant, "token/verify", token, verify.body());
    }

    private static void assertNoEcho(String variant, String where, String token, String body) {
        assertFalse(token.length() >= 8 && body.contains(token), () -> "[" + variant + "] " + where + " echoes the token: " + body);
        for (String segment : token.split("\\.")) {
            assertFalse(segment.length() >= 16 && body.contains(segment),
                    () -> "[" + variant + "] " + where + " echoes a token segment: " + body);
        }
    }

    private PrivateKey serverPrivateKey(String kid) throws ParseException {
        SigningKeyStore.StoredSigningKey stored = keyStore.findAll().stream().filter(k -> k.kid().equals(kid)).findFirst()
                .orElseThrow(() -> new AssertionError("signing key " + kid + " is not in the store"));
        String privateJwk = new String(keyEncryption.decrypt(kid, stored.encryptedPrivateKey()), StandardCharsets.UTF_8);
        try {
            return ECKey.parse(privateJwk).toECPrivateKey();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> publicJwkOf(String kid) {
        return signer.publicJwks().stream().filter(k -> kid.equals(k.get("kid"))).findFirst()
                .orElseThrow(() -> new AssertionError("no public JWK for " + kid));
    }

    private void setActive(String userId, boolean active) {
        transactions.run(() -> {
            User user = users.findById(new UserId(UUID.fromString(userId))).orElseThrow();
            if (active) {
                user.activate();
            } else {
                user.deactivate();
            }
            users.update(user);
        });
    }

    private static String jti() {
        return UUID.randomUUID().toString();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] unsigned32(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }
}
