package org.civiclink.recommendation.consent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the consent policy once at startup: the operator's file when civiclink.recommendation.consent.policy-file
 * is set, else the shipped resources/consent-policy.yaml. A broken policy stops the service from starting.
 */
@ApplicationScoped
public class RestraintProducer {

    static final String SHIPPED_POLICY = "consent-policy.yaml";

    @ConfigProperty(name = "civiclink.recommendation.consent.policy-file")
    Optional<Path> policyFile;

    @Produces
    @Singleton
    Restraint restraint() {
        return new Restraint(policyFile.map(ConsentPolicy::read).orElseGet(RestraintProducer::shipped));
    }

    static ConsentPolicy shipped() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(SHIPPED_POLICY)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SHIPPED_POLICY);
            }
            return ConsentPolicy.read(in, SHIPPED_POLICY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
