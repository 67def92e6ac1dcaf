package org.civiclink.recommendation.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.civiclink.recommendation.directory.HsdsImporter;
import org.civiclink.recommendation.directory.HsdsService;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A rule whose taxonomy terms no service offers proposes referrals that name no service: the caseworker is
 * told what the person needs but not where to get it. So every term of every shipped rule must be offered
 * by at least one active service of the directory the service ships with.
 */
class ShippedRuleTermsTest {

    @Test
    void everyShippedRuleTermIsOfferedByAnActiveServiceOfTheShippedDirectory() throws IOException {
        Set<String> offered = shippedDirectory().stream().filter(HsdsService::active)
                .flatMap(service -> service.taxonomyCodes().stream()).collect(Collectors.toSet());
        List<String> unmatched = new ArrayList<>();
        for (CompiledRule rule : RuleLoader.shipped()) {
            rule.definition().serviceTaxonomyTerms().stream()
                    .filter(term -> !offered.contains(term.toLowerCase(Locale.ROOT)))
                    .forEach(term -> unmatched.add(rule.file() + ": " + term));
        }
        assertEquals(List.of(), unmatched, "terms no active service offers");
    }

    /** The directory files application.properties names, as the service imports them at startup. */
    private static List<HsdsService> shippedDirectory() throws IOException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Properties properties = new Properties();
        try (InputStream in = loader.getResourceAsStream("application.properties")) {
            properties.load(in);
        }
        HsdsImporter importer = new HsdsImporter(new ObjectMapper());
        List<HsdsService> services = new ArrayList<>();
        for (String source : properties.getProperty("civiclink.directory.sources").split(",")) {
            String resource = source.strip().substring("classpath:".length());
            try (InputStream in = loader.getResourceAsStream(resource)) {
                services.addAll(importer.read(source, in));
            }
        }
        return services;
    }
}
