package org.civiclink.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class PurposeOfUseTest {

    @Test
    void parsesTheFixedListTolerantOfCaseAndDashes() {
        assertEquals(Optional.of(PurposeOfUse.TREATMENT), PurposeOfUse.parse("treatment"));
        assertEquals(Optional.of(PurposeOfUse.BREAK_THE_GLASS), PurposeOfUse.parse(" break-the-glass "));
        assertEquals(Optional.of(PurposeOfUse.COMPLIANCE_REVIEW), PurposeOfUse.parse("COMPLIANCE_REVIEW"));
    }

    @Test
    void refusesAnythingElse() {
        assertTrue(PurposeOfUse.parse(null).isEmpty());
        assertTrue(PurposeOfUse.parse("").isEmpty());
        assertTrue(PurposeOfUse.parse("marketing").isEmpty());
        assertTrue(PurposeOfUse.parse("TREATMENT,REFERRAL").isEmpty());
    }

    @Test
    void onlyBreakTheGlassNeedsAReason() {
        for (PurposeOfUse purpose : PurposeOfUse.values()) {
            assertEquals(purpose == PurposeOfUse.BREAK_THE_GLASS, purpose.reasonRequired(), purpose.name());
        }
    }
}
