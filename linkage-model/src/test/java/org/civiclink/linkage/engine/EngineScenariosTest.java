package org.civiclink.linkage.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.civiclink.linkage.model.LinkageModel;
import org.civiclink.linkage.model.SourceRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine's client lifecycle on hand-made records: merges, splits, decisions, conflicts, redirects. */
class EngineScenariosTest {

    private static final LinkageModel MODEL = LinkageModel.defaultModel();

    // Two records of one woman that share little, and the record that shows they are one person.
    static final SourceRecord BY_ADDRESS = record("DHS:1", "Maria", "Lopez", "1975-03-14", "", "12 Oak St", "10001", "");
    static final SourceRecord BY_SSN = record("HRA:2", "Maria", "Garcia", "", "219-09-9998", "", "", "212-555-0143");
    static final SourceRecord BRIDGE = record("HHC:3", "Maria", "Lopez", "1975-03-14", "219-09-9998", "12 Oak St", "10001",
            "212-555-0143");

    private LinkageEngine engine;

    @BeforeEach
    void start() {
        engine = new LinkageEngine(MODEL, LinkageState.inMemory());
    }

    @Test
    void aBridgingRecordMergesTwoClientsAndTheRetiredIdRedirects() {
        String first = engine.link(BY_ADDRESS).clientId();
        String second = engine.link(BY_SSN).clientId();
        assertNotEquals(first, second, explain(BY_ADDRESS, BY_SSN));

        LinkResult bridged = engine.link(BRIDGE);
        assertTrue(bridged.changes().stream().anyMatch(c -> c.type() == ClientChangeType.CLIENTS_MERGED),
                bridged.changes() + "\n" + explain(BRIDGE, BY_SSN) + "\n" + explain(BRIDGE, BY_ADDRESS));
        String survivor = bridged.clientId();
        assertEquals(survivor, engine.clientOf(BY_ADDRESS.recordId()).orElseThrow());
        assertEquals(survivor, engine.clientOf(BY_SSN.recordId()).orElseThrow());
        String retired = survivor.equals(first) ? second : first;
        assertEquals(survivor, engine.client(retired).orElseThrow().clientId(), "a retired id redirects to the survivor");
        assertEquals(3, engine.client(survivor).orElseThrow().recordIds().size());
    }

    @Test
    void withdrawingTheBridgeSplitsTheClientAgain() {
        engine.link(BY_ADDRESS);
        engine.link(BY_SSN);
        engine.link(BRIDGE);

        LinkResult withdrawn = engine.withdraw(BRIDGE.recordId());

        assertTrue(withdrawn.changes().stream().anyMatch(c -> c.type() == ClientChangeType.CLIENT_SPLIT), withdrawn.changes().toString());
        assertNotEquals(engine.clientOf(BY_ADDRESS.recordId()), engine.clientOf(BY_SSN.recordId()));
        assertTrue(engine.clientOf(BRIDGE.recordId()).isEmpty());
    }

    @Test
    void anUnlinkSplitsAndSurvivesACorrectionOfTheRecord() {
        engine.link(BY_ADDRESS);
        engine.link(BRIDGE);
        assertEquals(engine.clientOf(BY_ADDRESS.recordId()), engine.clientOf(BRIDGE.recordId()));

        engine.decide(BY_ADDRESS.recordId(), BRIDGE.recordId(), DecisionType.UNLINK);
        assertNotEquals(engine.clientOf(BY_ADDRESS.recordId()), engine.clientOf(BRIDGE.recordId()));

        engine.link(record("HHC:3", "Maria", "Lopez", "1975-03-14", "219-09-9998", "12 Oak Street", "10001", "212-555-0199"));
        assertNotEquals(engine.clientOf(BY_ADDRESS.recordId()), engine.clientOf(BRIDGE.recordId()),
                "the operator's unlink outlives the re-evaluation a corrected record causes");
        assertEquals(DecisionType.UNLINK, engine.decision(BRIDGE.recordId(), BY_ADDRESS.recordId()).orElseThrow());
    }

    @Test
    void aForcedLinkJoinsRecordsTheModelKeepsApartEvenAgainstAConflict() {
        SourceRecord someone = record("ACS:7", "Maria", "Lopez", "1950-01-20", "078-05-1121", "", "", "");
        engine.link(BRIDGE);
        engine.link(someone);
        assertNotEquals(engine.clientOf(BRIDGE.recordId()), engine.clientOf(someone.recordId()));

        LinkResult forced = engine.decide(BRIDGE.recordId(), someone.recordId(), DecisionType.FORCE_LINK);

        assertEquals(engine.clientOf(BRIDGE.recordId()), engine.clientOf(someone.recordId()), forced.changes().toString());
    }

    @Test
    void aChainNeverJoinsTwoPeopleWithDifferentSsns() {
        // Twins' records without SSNs look like both; the ones with SSNs must stay apart.
        SourceRecord withSsnA = record("HRA:10", "Jordan", "Baker", "2001-06-02", "219-09-9990", "55 Elm Ave", "10451", "");
        SourceRecord withSsnB = record("DHS:11", "Jordan", "Baker", "2001-06-02", "387-44-1020", "55 Elm Ave", "10451", "");
        SourceRecord noSsn = record("ACS:12", "Jordan", "Baker", "2001-06-02", "", "55 Elm Ave", "10451", "");
        for (List<SourceRecord> order : List.of(List.of(withSsnA, withSsnB, noSsn), List.of(noSsn, withSsnA, withSsnB))) {
            LinkageEngine fresh = new LinkageEngine(MODEL, LinkageState.inMemory());
            order.forEach(fresh::link);
            assertNotEquals(fresh.clientOf(withSsnA.recordId()), fresh.clientOf(withSsnB.recordId()));
        }
    }

    @Test
    void repeatingARecordChangesNothing() {
        engine.link(BY_ADDRESS);
        LinkResult again = engine.link(BY_ADDRESS);
        assertTrue(again.changes().isEmpty());
        assertFalse(again.clientId().isBlank());
    }

    @Test
    void aSharedAddressOfManyPeopleStopsBeingEvidence() {
        for (int i = 0; i < 60; i++) {
            engine.link(record("DHS:S" + i, "Person" + (char) ('A' + i % 26) + i, "Resident" + i,
                    (1950 + i) + "-02-03", "", "400 Shelter Way", "10002", ""));
        }
        var explanation = engine.explain("DHS:S1", "DHS:S2").orElseThrow();
        var address = explanation.steps().stream().filter(s -> s.comparison().contains("address")).findFirst().orElseThrow();
        assertEquals(0.0, address.log2Weight(), 1e-9, "a shelter's address proves nothing: " + address);
    }

    @Test
    void twinsPatrickAndPatriciaNeverMergeWhileBillAndWilliamDo() {
        SourceRecord patrick = person("ACS:20", "Patrick", "M", "");
        SourceRecord patricia = person("ACS:21", "Patricia", "F", "");
        SourceRecord pat = person("DHS:22", "Pat", "M", "");
        for (List<SourceRecord> order : List.of(List.of(patrick, patricia, pat), List.of(pat, patricia, patrick))) {
            LinkageEngine fresh = new LinkageEngine(MODEL, LinkageState.inMemory());
            order.forEach(fresh::link);
            assertNotEquals(fresh.clientOf(patrick.recordId()), fresh.clientOf(patricia.recordId()),
                    "twins share birth date, surname and household; their names tell them apart");
        }
        SourceRecord william = person("HRA:23", "William", "M", "");
        SourceRecord bill = person("DHS:24", "Bill", "M", "");
        engine.link(william);
        engine.link(bill);
        assertEquals(engine.clientOf(william.recordId()), engine.clientOf(bill.recordId()), explain(william, bill));
    }

    @Test
    void aPairAboveTheLinkThresholdThatAConflictKeepsApartIsOpenForReview() {
        SourceRecord first = adult("HRA:30", "1980-06-02", "219-09-9990");
        SourceRecord second = adult("DHS:31", "1980-06-02", "387-44-1020");
        engine.link(first);
        LinkResult result = engine.link(second);

        assertNotEquals(engine.clientOf(first.recordId()), engine.clientOf(second.recordId()));
        assertTrue(result.possibleMatches().stream().anyMatch(m -> isPair(m, first, second)), result.toString());
        List<PossibleMatch> open = engine.openPossibleMatches();
        assertEquals(1, open.size(), open.toString());
        assertTrue(open.get(0).matchWeight() >= MODEL.linkThreshold(), "the conflict, not the weight, kept them apart: "
                + engine.explain(first.recordId(), second.recordId()).orElseThrow());

        engine.decide(first.recordId(), second.recordId(), DecisionType.FORCE_LINK);
        assertEquals(engine.clientOf(first.recordId()), engine.clientOf(second.recordId()));
        assertTrue(engine.openPossibleMatches().isEmpty());
    }

    @Test
    void birthDatesDecadesApartAreOpenForReviewToo() {
        SourceRecord early = adult("HRA:40", "1950-06-02", "219-09-9990");
        SourceRecord late = adult("DHS:41", "1985-06-02", "219-09-9990");
        engine.link(early);
        engine.link(late);
        assertNotEquals(engine.clientOf(early.recordId()), engine.clientOf(late.recordId()));
        List<PossibleMatch> open = engine.openPossibleMatches();
        assertTrue(open.size() == 1 && isPair(open.get(0), early, late) && open.get(0).matchWeight() >= MODEL.linkThreshold(),
                open + "\n" + engine.explain(early.recordId(), late.recordId()).orElseThrow());
    }

    private static boolean isPair(PossibleMatch match, SourceRecord a, SourceRecord b) {
        return PossibleMatch.key(match.leftRecordId(), match.rightRecordId()).equals(PossibleMatch.key(a.recordId(), b.recordId()));
    }

    /** An adult whose records agree on everything but birth date and SSN. */
    private static SourceRecord adult(String id, String dob, String ssn) {
        return new SourceRecord(id, id.substring(0, id.indexOf(':')), "Jordan", "Alexis", "Baker", dob, "M", ssn,
                "55 Elm Ave", "New York", "10451", "718-555-0164");
    }

    /** One household's child: same surname, birth date, address and phone for every record made with it. */
    private static SourceRecord person(String id, String first, String sex, String ssn) {
        return new SourceRecord(id, id.substring(0, id.indexOf(':')), first, "", "Rodriguez", "2017-01-28", sex, ssn,
                "1842 Fordham Rd", "New York", "10458", "718-614-7485");
    }

    private String explain(SourceRecord a, SourceRecord b) {
        LinkageEngine scratch = new LinkageEngine(MODEL, LinkageState.inMemory());
        scratch.link(a);
        scratch.link(b);
        return scratch.explain(a.recordId(), b.recordId()).map(Object::toString).orElse("?");
    }

    static SourceRecord record(String id, String first, String last, String dob, String ssn, String street, String zip,
                               String phone) {
        return new SourceRecord(id, id.substring(0, id.indexOf(':')), first, "", last, dob, "F", ssn, street,
                "New York", zip, phone);
    }
}
