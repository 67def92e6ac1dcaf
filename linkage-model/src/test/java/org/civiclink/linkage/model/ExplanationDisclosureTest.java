package org.civiclink.linkage.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/** The waterfall goes to caseworkers' screens: it shows an SSN by its last four digits only. */
class ExplanationDisclosureTest {

    private final LinkageModel model = LinkageModel.defaultModel();

    private final StandardizedRecord a = model.standardize(new SourceRecord("A1", "HRA", "Ana", "", "Perez", "1975-03-02",
            "F", "412-55-0198", "12 Main St", "New York", "10001", "2125550142"));
    private final StandardizedRecord b = model.standardize(new SourceRecord("B1", "DHS", "Ana", "", "Perez", "1975-03-02",
            "F", "523-66-1234", "12 Main St", "New York", "10001", "2125550142"));

    @Test
    void ssnsAppearOnlyByTheirLastFourDigits() throws Exception {
        Explanation explanation = model.explain(a, b, GenericValues.none());
        Explanation.Step ssn = step(explanation, "ssn");
        assertEquals("***-**-0198", ssn.valueA());
        assertEquals("***-**-1234", ssn.valueB());
        assertNoFullSsn(new ObjectMapper().writeValueAsString(explanation));
    }

    @Test
    void aGenericSsnIsMaskedToo() throws Exception {
        Explanation explanation = model.explain(a, b, value -> value.field().equals(EvidenceValue.SSN));
        assertEquals("***-**-0198 (generic)", step(explanation, "ssn").valueA());
        assertNoFullSsn(new ObjectMapper().writeValueAsString(explanation));
    }

    private static void assertNoFullSsn(String json) {
        for (String digits : new String[] {"412550198", "523661234", "41255", "52366"}) {
            assertFalse(json.contains(digits), "the waterfall echoes SSN digits " + digits + ": " + json);
        }
    }

    private static Explanation.Step step(Explanation explanation, String comparison) {
        return explanation.steps().stream().filter(s -> s.comparison().equals(comparison)).findFirst().orElseThrow();
    }
}
