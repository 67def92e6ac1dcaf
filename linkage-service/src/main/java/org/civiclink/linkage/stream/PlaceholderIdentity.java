package org.civiclink.linkage.stream;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

import org.apache.commons.codec.digest.DigestUtils;
import org.civiclink.events.PersonName;
import org.civiclink.events.PersonRecord;

/**
 * The walking skeleton's stand-in for record linkage: records with the same normalized family
 * name and date of birth get the same client id. Deterministic and order-independent, but
 * deliberately naive; the probabilistic linker (its own issue) replaces it.
 */
public final class PlaceholderIdentity {

    private PlaceholderIdentity() {
    }

    public static String clientIdFor(String recordId, PersonRecord person) {
        String family = person.getNames().stream()
                .map(PersonName::getFamily)
                .filter(name -> name != null && !name.isBlank())
                .findFirst()
                .map(PlaceholderIdentity::normalize)
                .orElse("");
        String birth = person.getDateOfBirth() == null ? "" : person.getDateOfBirth().trim();
        if (family.isEmpty() || birth.isEmpty()) {
            // Too little to match on: the record is its own client rather than a risky merge.
            return "C-" + DigestUtils.sha256Hex(("record|" + recordId).getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        }
        return "C-" + DigestUtils.sha256Hex((family + "|" + birth).getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    private static String normalize(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z]", "");
    }
}
