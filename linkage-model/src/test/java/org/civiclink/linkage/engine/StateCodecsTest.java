package org.civiclink.linkage.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.civiclink.linkage.model.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every state value survives its binary form, including empty, absent and extreme parts. */
class StateCodecsTest {

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of(StateCodecs.BLOCK, new Block(false, List.of("HRA:1", "DHS:2"))),
                Arguments.of(StateCodecs.BLOCK, Block.OVERSIZED),
                Arguments.of(StateCodecs.EVIDENCE_USAGE, new EvidenceUsage(false, false, Map.of("HRA:1", "JN|1980", "DHS:2", "JN|1980"))),
                Arguments.of(StateCodecs.EVIDENCE_USAGE, new EvidenceUsage(true, false, Map.of("HRA:1", "MR|1975", "DHS:2", "ANA|1990"))),
                Arguments.of(StateCodecs.EVIDENCE_USAGE, EvidenceUsage.SATURATED),
                Arguments.of(StateCodecs.LINKS, new Links(List.of(new Link("HRA:1", 12.25, false), Link.forced("DHS:2")))),
                Arguments.of(StateCodecs.LINKS, Links.NONE),
                Arguments.of(StateCodecs.DECISIONS, Decisions.NONE.with("HRA:1", DecisionType.UNLINK).with("DHS:2", DecisionType.FORCE_LINK)),
                Arguments.of(StateCodecs.DECISIONS, Decisions.NONE),
                Arguments.of(StateCodecs.CLIENT, Client.active("C-1", List.of("HRA:1", "DHS:2"))),
                Arguments.of(StateCodecs.CLIENT, Client.retired("C-2", "C-1")),
                Arguments.of(StateCodecs.POSSIBLE_MATCH, PossibleMatch.of("HRA:1", "DHS:2", 4.5, 0.957)),
                Arguments.of(StateCodecs.SOURCE_RECORD, new SourceRecord("HRA:1", "HRA", "José-María", "", "Núñez", "1980-05-17",
                        "F", "412-55-0198", "12 Main St", "New York", "10001", "+44 20 7946 0958")),
                Arguments.of(StateCodecs.SOURCE_RECORD, new SourceRecord("HRA:2", "HRA", null, null, "Lee", null, null, null,
                        null, null, null, null)));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("values")
    <T> void roundTrips(StateCodecs.Codec<T> codec, T value) {
        assertEquals(value, codec.decode(codec.encode(value)));
    }

    @Test
    void evidenceUsageOfTheFirstFormatIsStillRead() throws IOException {
        byte[] generic = format1Usage(true, List.of(), List.of());
        assertEquals(EvidenceUsage.SATURATED, StateCodecs.EVIDENCE_USAGE.decode(generic));

        EvidenceUsage shared = StateCodecs.EVIDENCE_USAGE.decode(
                format1Usage(false, List.of("JN|1980", "MR|1975"), List.of("HRA:1", "DHS:2", "ACS:3")));
        assertEquals(false, shared.generic());
        assertEquals(List.of("ACS:3", "DHS:2", "HRA:1"), List.copyOf(shared.identityByRecord().keySet()));
        assertEquals(2, shared.distinctIdentities(), "as many people as format 1 counted");
    }

    @Test
    void anUnknownFormatIsRejected() {
        byte[] bytes = StateCodecs.CLIENT.encode(Client.active("C-1", List.of("HRA:1")));
        bytes[0] = 9;
        assertThrows(IllegalStateException.class, () -> StateCodecs.CLIENT.decode(bytes));
    }

    private static byte[] format1Usage(boolean generic, List<String> identities, List<String> recordIds) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeBoolean(generic);
            for (List<String> list : List.of(identities, recordIds)) {
                out.writeInt(list.size());
                for (String value : list) {
                    out.writeUTF(value);
                }
            }
        }
        return bytes.toByteArray();
    }
}
