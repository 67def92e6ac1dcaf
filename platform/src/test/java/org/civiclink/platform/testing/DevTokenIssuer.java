package org.civiclink.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Signs bearer tokens with the development key pair in {@code dev-keys/}. The key ships only in
 * this test-jar and the services trust it only in the dev and test profiles (or when the local
 * launcher hands them its public key): never a production credential.
 */
public final class DevTokenIssuer {

    public static final String ISSUER = "https://civiclink.local/dev";
    public static final String AGENCY_CLAIM = "agency";

    private DevTokenIssuer() {
    }

    public static String issue(String subject, String agencyCode, Duration lifetime, List<String> roles) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setStringListClaim("groups", roles);
        if (agencyCode != null) {
            claims.setClaim(AGENCY_CLAIM, agencyCode);
        }
        claims.setJwtId(UUID.randomUUID().toString());
        Instant now = Instant.now();
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(lifetime).getEpochSecond()));

        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(privateKey());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign development token", e);
        }
    }

    public static String issue(String subject, String agencyCode, String... roles) {
        return issue(subject, agencyCode, Duration.ofHours(12), List.of(roles));
    }

    public static String publicKeyPem() {
        return resource("dev-keys/public.pem");
    }

    private static PrivateKey privateKey() {
        String pem = resource("dev-keys/private.pem")
                .replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Development private key is unreadable", e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = DevTokenIssuer.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
