package org.civiclink.recommendation.consent;

import java.util.Set;

/**
 * Data categories never used without the person's explicit consent for that very category, whatever
 * an agency policy says. Fixed in code on purpose: a configuration file must not be able to loosen it.
 */
public final class SensitiveCategories {

    public static final Set<String> ALL = Set.of("substance-use", "hiv", "domestic-violence", "immigration-status");

    private SensitiveCategories() {
    }

    public static boolean isSensitive(String category) {
        return category != null && ALL.contains(category);
    }
}
