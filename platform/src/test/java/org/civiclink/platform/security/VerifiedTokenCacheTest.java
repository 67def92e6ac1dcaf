package org.civiclink.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.civiclink.platform.testing.DevTokenIssuer;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.util.KeyUtils;

/** The real smallrye-jwt verifier with the development key behind the cache, counting its verifications. */
class VerifiedTokenCacheTest {

    private static final Duration MAX_AGE = Duration.ofSeconds(60);

    private final AtomicInteger verifications = new AtomicInteger();
    private final AtomicLong tickerNanos = new AtomicLong();
    private Instant now = Instant.now();
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    };

    private VerifiedTokenCache cache(Duration maxAge) throws Exception {
        JWTAuthContextInfo context = new JWTAuthContextInfo(KeyUtils.decodePublicKey(DevTokenIssuer.publicKeyPem()),
                DevTokenIssuer.ISSUER);
        DefaultJWTParser verifier = new DefaultJWTParser(context) {
            @Override
            public JsonWebToken parse(String token) throws ParseException {
                verifications.incrementAndGet();
                return super.parse(token);
            }
        };
        return new VerifiedTokenCache(verifier, clock, tickerNanos::get, maxAge, 100);
    }

    private static String token(Duration lifetime) {
        return DevTokenIssuer.issue("agency-system", "DHS-SHELTER", lifetime, List.of("intake"));
    }

    @Test
    void aTokenIsVerifiedOnceAndThenAnsweredFromTheCache() throws Exception {
        VerifiedTokenCache cache = cache(MAX_AGE);
        String token = token(Duration.ofHours(1));

        JsonWebToken first = cache.parse(token);
        JsonWebToken second = cache.parse(token);

        assertEquals(1, verifications.get());
        assertEquals("agency-system", second.getName());
        assertEquals(first.getTokenID(), second.getTokenID());
    }

    @Test
    void aTamperedTokenIsRefusedEveryTimeAndNeverKept() throws Exception {
        VerifiedTokenCache cache = cache(MAX_AGE);
        String token = token(Duration.ofHours(1));
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertThrows(ParseException.class, () -> cache.parse(tampered));
        assertThrows(ParseException.class, () -> cache.parse(tampered));
        assertEquals(2, verifications.get());
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        VerifiedTokenCache cache = cache(MAX_AGE);

        assertThrows(ParseException.class, () -> cache.parse(token(Duration.ofMinutes(-10))));
    }

    @Test
    void aTokenIsVerifiedAgainOnceItsMaximumAgeHasPassed() throws Exception {
        VerifiedTokenCache cache = cache(MAX_AGE);
        String token = token(Duration.ofHours(1));
        cache.parse(token);

        tickerNanos.addAndGet(MAX_AGE.plusSeconds(1).toNanos());
        now = now.plus(MAX_AGE.plusSeconds(1));
        cache.parse(token);

        assertEquals(2, verifications.get());
    }

    @Test
    void aCachedTokenPastItsExpiryIsNotAnsweredFromTheCache() throws Exception {
        VerifiedTokenCache cache = cache(Duration.ofHours(2));
        String token = token(Duration.ofMinutes(5));
        cache.parse(token);

        // Our clock passes the token's exp while the verifier (the real clock, and its allowed skew) still
        // accepts it: the cache must ask the verifier again, and must not keep the answer.
        now = now.plus(Duration.ofMinutes(6));
        cache.parse(token);
        cache.parse(token);

        assertEquals(3, verifications.get());
    }

    @Test
    void aMaximumAgeOfZeroTurnsTheCacheOff() throws Exception {
        VerifiedTokenCache cache = cache(Duration.ZERO);
        String token = token(Duration.ofHours(1));

        cache.parse(token);
        cache.parse(token);

        assertEquals(2, verifications.get());
    }
}
