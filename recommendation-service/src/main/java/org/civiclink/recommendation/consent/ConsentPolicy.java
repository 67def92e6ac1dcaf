package org.civiclink.recommendation.consent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Which agencies' data categories may be used for referrals without a consent declaration, and on what
 * legal basis (resources/consent-policy.yaml). Anything not listed is denied. Sensitive categories are
 * ignored here even if listed: they need the person's explicit consent.
 */
public final class ConsentPolicy {

    private static final Logger LOG = Logger.getLogger(ConsentPolicy.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** One line of the policy: this agency's data of these categories, on this basis. */
    public record Grant(String agency, List<String> dataCategories, String basis) {
    }

    record PolicyFile(String purpose, List<Grant> grants) {
    }

    private final List<Grant> grants;

    public ConsentPolicy(List<Grant> grants) {
        for (Grant grant : grants) {
            if (grant.agency() == null || grant.dataCategories() == null || grant.basis() == null || grant.basis().isBlank()) {
                throw new IllegalArgumentException("consent policy: every grant needs agency, dataCategories and basis: " + grant);
            }
            grant.dataCategories().stream().filter(SensitiveCategories::isSensitive).forEach(category -> LOG.warnf(
                    "consent policy grants sensitive category %s of %s; ignored, it needs explicit consent", category, grant.agency()));
        }
        this.grants = List.copyOf(grants);
    }

    public static ConsentPolicy none() {
        return new ConsentPolicy(List.of());
    }

    public static ConsentPolicy read(InputStream yaml, String name) {
        try {
            PolicyFile file = YAML.readValue(yaml, PolicyFile.class);
            if (!"REFERRAL".equals(file.purpose())) {
                throw new IllegalArgumentException(name + ": purpose must be REFERRAL");
            }
            return new ConsentPolicy(file.grants() == null ? List.of() : file.grants());
        } catch (IOException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    public static ConsentPolicy read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** The documented basis on which the agency's data of this category may be used for referrals, if any. */
    public Optional<String> basisFor(String agency, String dataCategory) {
        if (SensitiveCategories.isSensitive(dataCategory)) {
            return Optional.empty();
        }
        return grants.stream()
                .filter(g -> g.agency().equals(agency) && g.dataCategories().contains(dataCategory))
                .map(Grant::basis)
                .findFirst();
    }
}
