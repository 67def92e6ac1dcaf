package org.civiclink.recommendation.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.civiclink.events.ConsentStatus;
import org.civiclink.recommendation.situation.SituationFact;

/**
 * Decides which facts the referral purpose may use, and whether the person may be contacted at all.
 *
 * <p>A fact is usable when the latest REFERRAL declaration of its source agency covering its data category
 * is GIVEN and unexpired, or, with no declaration at all, when the agency policy grants its data category.
 * A REVOKED declaration beats the policy: revoking withdraws the facts. Sensitive categories need a
 * GIVEN declaration naming them. Everything else is denied.
 */
public final class Restraint {

    public static final String PURPOSE = "REFERRAL";
    /** Declarations with this purpose carry the contact preference: REVOKED means do not contact. */
    public static final String CONTACT_PURPOSE = "CONTACT";
    public static final String CONTACT_CATEGORY = "contact-preference";
    public static final String DO_NOT_CONTACT = "do-not-contact";
    public static final String CONTACT_ALLOWED = "contact-allowed";

    /** What the referral purpose may use. */
    public record Decision(List<SituationFact> usable, int withheld, boolean doNotContact) {
    }

    private final ConsentPolicy policy;

    public Restraint(ConsentPolicy policy) {
        this.policy = policy;
    }

    public Decision decide(List<SituationFact> facts, List<ConsentRecord> consents, LocalDate asOf) {
        List<SituationFact> usable = new ArrayList<>();
        for (SituationFact fact : facts) {
            if (usable(fact, consents, asOf)) {
                usable.add(fact);
            }
        }
        return new Decision(usable, facts.size() - usable.size(), doNotContact(facts, consents));
    }

    boolean usable(SituationFact fact, List<ConsentRecord> consents, LocalDate asOf) {
        if (fact.category().equals(CONTACT_CATEGORY)) {
            return false; // a preference about outreach, honoured by doNotContact, never evidence for a rule
        }
        boolean sensitive = SensitiveCategories.isSensitive(fact.dataCategory()) || SensitiveCategories.isSensitive(fact.category());
        Optional<ConsentRecord> dataConsent = latest(consents, fact.sourceAgency(), fact.dataCategory());
        if (sensitive) {
            // The declaration must name the sensitive category itself, and the fact's category if that is sensitive too.
            boolean categoryCovered = !SensitiveCategories.isSensitive(fact.category())
                    || fact.category().equals(fact.dataCategory())
                    || latest(consents, fact.sourceAgency(), fact.category()).filter(c -> c.givenOn(asOf)).isPresent();
            return dataConsent.filter(c -> c.givenOn(asOf)).isPresent() && categoryCovered;
        }
        if (dataConsent.isPresent()) {
            ConsentRecord consent = dataConsent.get();
            if (consent.status() == ConsentStatus.REVOKED) {
                return false;
            }
            if (consent.givenOn(asOf)) {
                return true;
            }
        }
        return policy.basisFor(fact.sourceAgency(), fact.dataCategory()).isPresent();
    }

    private static Optional<ConsentRecord> latest(List<ConsentRecord> consents, String agency, String dataCategory) {
        return consents.stream()
                .filter(c -> c.status() != ConsentStatus.UNKNOWN && c.covers(PURPOSE, agency, dataCategory))
                .max(Comparator.comparing(ConsentRecord::declaredAt));
    }

    /**
     * The latest contact preference wins, whichever form it took: a CONTACT declaration (REVOKED = do not
     * contact, GIVEN = contact allowed) or a contact-preference fact (do-not-contact / contact-allowed).
     * It is honoured whoever recorded it, without any consent: it only ever restrains.
     */
    static boolean doNotContact(List<SituationFact> facts, List<ConsentRecord> consents) {
        record Preference(Instant at, boolean doNotContact) {
        }
        List<Preference> preferences = new ArrayList<>();
        for (ConsentRecord c : consents) {
            if (c.purpose().equalsIgnoreCase(CONTACT_PURPOSE) && c.status() != ConsentStatus.UNKNOWN) {
                preferences.add(new Preference(c.declaredAt(), c.status() == ConsentStatus.REVOKED));
            }
        }
        for (SituationFact f : facts) {
            if (f.category().equals(CONTACT_CATEGORY) && (f.code().equals(DO_NOT_CONTACT) || f.code().equals(CONTACT_ALLOWED))) {
                Instant at = f.effectiveFrom() != null ? f.effectiveFrom().atStartOfDay().toInstant(ZoneOffset.UTC) : f.recordedAt();
                preferences.add(new Preference(at, f.code().equals(DO_NOT_CONTACT)));
            }
        }
        return preferences.stream().max(Comparator.comparing(Preference::at)).map(Preference::doNotContact).orElse(false);
    }
}
