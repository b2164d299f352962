package dev.gatehouse.bootstrap;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds compact JWS strings by hand, byte for byte, the way an attacker would: no library between
 * the test and the token refuses to write {@code alg: none}, a short HMAC secret or a forbidden
 * header. Headers and payloads are plain maps; order is kept.
 */
final class ForgeJws {
    private ForgeJws() {
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] unb64(String part) {
        return Base64.getUrlDecoder().decode(part);
    }

    static String json(Map<String, ?> object) {
        return JSONObjectUtils.toJSONString(object);
    }

    static Map<String, Object> parse(String json) {
        try {
            return new LinkedHashMap<>(JSONObjectUtils.parse(json));
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a JSON object: " + json, e);
        }
    }

    static String[] parts(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a compact JWS");
        }
        return parts;
    }

    /** The decoded header of a compact JWS, as a mutable ordered map. */
    static Map<String, Object> header(String token) {
        return parse(new String(unb64(parts(token)[0]), StandardCharsets.UTF_8));
    }

    /** The decoded payload of a compact JWS, as a mutable ordered map. */
    static Map<String, Object> payload(String token) {
        return parse(new String(unb64(parts(token)[1]), StandardCharsets.UTF_8));
    }

    static String headerJson(String token) {
        return new String(unb64(parts(token)[0]), StandardCharsets.UTF_8);
    }

    static String payloadJson(String token) {
        return new String(unb64(parts(token)[1]), StandardCharsets.UTF_8);
    }

    /** Replaces the header, keeps payload and signature exactly as they were. */
    static String withHeader(String token, Map<String, ?> header) {
        String[] p = parts(token);
        return b64(json(header)) + "." + p[1] + "." + p[2];
    }

    /** Replaces the payload, keeps header and signature exactly as they were. */
    static String withPayload(String token, Map<String, ?> payload) {
        String[] p = parts(token);
        return p[0] + "." + b64(json(payload)) + "." + p[2];
    }

    static String withSignature(String token, String signature) {
        String[] p = parts(token);
        return p[0] + "." + p[1] + "." + signature;
    }

    static String unsigned(Map<String, ?> header, Map<String, ?> payload) {
        return b64(json(header)) + "." + b64(json(payload)) + ".";
    }

    /** Signs the given JSON texts (exact bytes) with ES256/ES384/ES512 or RS256, per the JCA algorithm given. */
    static String sign(String headerJson, String payloadJson, PrivateKey key, String jcaAlgorithm) {
        String input = b64(headerJson) + "." + b64(payloadJson);
        try {
            Signature signature = Signature.getInstance(jcaAlgorithm);
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(jcaAlgorithm, e);
        }
    }

    /** ES256 the way JWS wants it: R || S, 64 bytes. */
    static String es256(Map<String, ?> header, Map<String, ?> payload, PrivateKey key) {
        return sign(json(header), json(payload), key, "SHA256withECDSAinP1363Format");
    }

    /** HMAC over the signing input, with whatever bytes the caller calls a secret. */
    static String hmac(Map<String, ?> header, Map<String, ?> payload, byte[] secret, String jcaMac) {
        String input = b64(json(header)) + "." + b64(json(payload));
        try {
            Mac mac = Mac.getInstance(jcaMac);
            mac.init(new SecretKeySpec(secret, jcaMac));
            return input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(jcaMac, e);
        }
    }

    static KeyPair ecKeyPair(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(curve, e);
        }
    }

    static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA", e);
        }
    }

    /** Copy of a map with entries put or, for a null value, removed. */
    static Map<String, Object> with(Map<String, Object> original, Object... keysAndValues) {
        Map<String, Object> copy = new LinkedHashMap<>(original);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] == null) {
                copy.remove((String) keysAndValues[i]);
            } else {
                copy.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return copy;
    }

    static Map<String, Object> without(Map<String, Object> original, String key) {
        Map<String, Object> copy = new LinkedHashMap<>(original);
        copy.remove(key);
        return copy;
    }
}
