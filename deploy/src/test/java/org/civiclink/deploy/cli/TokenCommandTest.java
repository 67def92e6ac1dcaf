package org.civiclink.deploy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

import org.civiclink.deploy.security.DevTokens;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class TokenCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = CivicLinkCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void printsATokenThatVerifiesWithTheDevelopmentPublicKey() throws Exception {
        assertEquals(0, run("token", "--role", "caseworker", "--subject", "alice", "--agency", "HRA", "--hours", "2"));
        String token = out.toString().strip();
        assertEquals(1, out.toString().strip().lines().count(), "only the token, for TOKEN=$(./civiclink token ...)");

        JwtClaims claims = consumer().processToClaims(token);
        assertEquals("alice", claims.getSubject());
        assertEquals("HRA", claims.getClaimValueAsString("agency"));
        assertEquals(List.of("caseworker"), claims.getStringListClaimValue("groups"));
        long lifetime = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
        assertEquals(2 * 3600, lifetime);
    }

    @Test
    void agencySystemTokensDefaultToTheAgencysSystemSubject() throws Exception {
        assertEquals(0, run("token", "--role", "agency-system", "--agency", "DHS-SHELTER"));
        JwtClaims claims = consumer().processToClaims(out.toString().strip());
        assertEquals("DHS-SHELTER-system", claims.getSubject());
        assertEquals(List.of("agency-system"), claims.getStringListClaimValue("groups"));
    }

    @Test
    void rejectsUnknownRolesAndListsTheValidOnes() {
        assertEquals(2, run("token", "--role", "superuser"));
        assertTrue(err.toString().contains("compliance-officer"), err.toString());
        assertTrue(out.toString().isEmpty());
    }

    @Test
    void rejectsAbsurdLifetimes() {
        assertEquals(2, run("token", "--role", "admin", "--hours", "0"));
    }

    private static JwtConsumer consumer() throws Exception {
        String pem = DevTokens.publicKeyPem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        return new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setExpectedIssuer(DevTokens.issuer())
                .setRequireExpirationTime()
                .setRequireSubject()
                .setSkipDefaultAudienceValidation()
                .build();
    }
}
