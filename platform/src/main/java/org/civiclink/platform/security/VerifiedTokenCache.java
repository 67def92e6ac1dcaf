package org.civiclink.platform.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The bearer-token parser every service authenticates with: smallrye-jwt's own, with each token it
 * verified kept for a while, so an agency system that sends hundreds of events a second with one token
 * has its RS256 signature checked once, not on every request (it was the largest single cost of a REST
 * intake event, docs/benchmarks.md).
 *
 * <p>A token is reused until its own expiry or {@code civiclink.security.token-cache.max-age} after it was
 * verified, whichever comes first; the bound also limits how long a token outlives a rotated signing key.
 * Only tokens that passed verification are kept: a refused one is checked again every time, and an expired
 * one is never answered from here. Other parser calls (explicit keys, decryption) go straight through.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {

    private final JWTParser verifier;
    private final Clock clock;
    private final Duration maxAge;
    private final Cache<String, JsonWebToken> verified;

    @Inject
    VerifiedTokenCache(DefaultJWTParser verifier,
                       @ConfigProperty(name = "civiclink.security.token-cache.max-age", defaultValue = "60s") Duration maxAge,
                       @ConfigProperty(name = "civiclink.security.token-cache.max-size", defaultValue = "10000") long maxSize) {
        this(verifier, Clock.systemUTC(), Ticker.systemTicker(), maxAge, maxSize);
    }

    VerifiedTokenCache(JWTParser verifier, Clock clock, Ticker ticker, Duration maxAge, long maxSize) {
        this.verifier = verifier;
        this.clock = clock;
        this.maxAge = maxAge;
        this.verified = Caffeine.newBuilder().maximumSize(maxSize).ticker(ticker).expireAfter(Expiry.writing(this::lifetime)).build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken cached = verified.getIfPresent(token);
        if (cached != null && !expired(cached)) {
            return cached;
        }
        JsonWebToken fresh = verifier.parse(token);
        if (!maxAge.isZero() && !maxAge.isNegative() && !expired(fresh)) {
            verified.put(token, fresh);
        }
        return fresh;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }

    /** Past its exp claim by this service's clock; the verifier's allowed clock skew is not extended here. */
    private boolean expired(JsonWebToken token) {
        return expiry(token).map(exp -> !clock.instant().isBefore(exp)).orElse(false);
    }

    private static Optional<Instant> expiry(JsonWebToken token) {
        long exp = token.getExpirationTime();
        return exp > 0 ? Optional.of(Instant.ofEpochSecond(exp)) : Optional.empty();
    }

    /** How long an entry lives: up to the token's expiry, at most the configured maximum age. */
    private Duration lifetime(String token, JsonWebToken jwt) {
        Duration untilExpiry = expiry(jwt).map(exp -> Duration.between(clock.instant(), exp)).orElse(maxAge);
        Duration life = untilExpiry.compareTo(maxAge) < 0 ? untilExpiry : maxAge;
        return life.isNegative() ? Duration.ZERO : life;
    }
}
