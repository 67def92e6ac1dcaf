package org.civiclink.linkage.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.civiclink.linkage.model.SourceRecord;

/**
 * Compact binary forms of the engine's state values, for stores that keep bytes (RocksDB). Each
 * starts with a format version byte so that a later layout can still read earlier state.
 */
public final class StateCodecs {

    /** Encodes and decodes one kind of state value. */
    public interface Codec<T> {
        byte[] encode(T value);

        T decode(byte[] bytes);
    }

    private static final byte FORMAT = 1;

    private StateCodecs() {
    }

    public static final Codec<Block> BLOCK = codec(
            (out, block) -> {
                out.writeBoolean(block.oversized());
                writeStrings(out, block.recordIds());
            },
            in -> new Block(in.readBoolean(), readStrings(in)));

    public static final Codec<EvidenceUsage> EVIDENCE_USAGE = codec(
            (out, usage) -> {
                out.writeBoolean(usage.generic());
                writeStrings(out, usage.identityKeys());
                writeStrings(out, usage.recordIds());
            },
            in -> new EvidenceUsage(in.readBoolean(), readStrings(in), readStrings(in)));

    public static final Codec<Links> LINKS = codec(
            (out, links) -> {
                out.writeInt(links.links().size());
                for (Link link : links.links()) {
                    out.writeUTF(link.otherRecordId());
                    out.writeDouble(link.matchWeight());
                    out.writeBoolean(link.forced());
                }
            },
            in -> {
                int size = in.readInt();
                List<Link> links = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    links.add(new Link(in.readUTF(), in.readDouble(), in.readBoolean()));
                }
                return new Links(links);
            });

    public static final Codec<Decisions> DECISIONS = codec(
            (out, decisions) -> {
                out.writeInt(decisions.byOtherRecord().size());
                for (Map.Entry<String, DecisionType> entry : decisions.byOtherRecord().entrySet()) {
                    out.writeUTF(entry.getKey());
                    out.writeUTF(entry.getValue().name());
                }
            },
            in -> {
                int size = in.readInt();
                Map<String, DecisionType> byOther = new TreeMap<>();
                for (int i = 0; i < size; i++) {
                    byOther.put(in.readUTF(), DecisionType.valueOf(in.readUTF()));
                }
                return new Decisions(byOther);
            });

    public static final Codec<Client> CLIENT = codec(
            (out, client) -> {
                out.writeUTF(client.clientId());
                writeStrings(out, client.recordIds());
                writeNullable(out, client.mergedInto());
            },
            in -> new Client(in.readUTF(), readStrings(in), readNullable(in)));

    public static final Codec<PossibleMatch> POSSIBLE_MATCH = codec(
            (out, match) -> {
                out.writeUTF(match.leftRecordId());
                out.writeUTF(match.rightRecordId());
                out.writeDouble(match.matchWeight());
                out.writeDouble(match.matchProbability());
            },
            in -> new PossibleMatch(in.readUTF(), in.readUTF(), in.readDouble(), in.readDouble()));

    public static final Codec<SourceRecord> SOURCE_RECORD = codec(
            (out, r) -> {
                for (String field : new String[] {r.recordId(), r.agency(), r.firstName(), r.middleName(), r.lastName(),
                        r.dateOfBirth(), r.sex(), r.ssn(), r.street(), r.city(), r.zip(), r.phone()}) {
                    writeNullable(out, field);
                }
            },
            in -> new SourceRecord(readNullable(in), readNullable(in), readNullable(in), readNullable(in),
                    readNullable(in), readNullable(in), readNullable(in), readNullable(in), readNullable(in),
                    readNullable(in), readNullable(in), readNullable(in)));

    @FunctionalInterface
    private interface Writer<T> {
        void write(DataOutputStream out, T value) throws IOException;
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static <T> Codec<T> codec(Writer<T> writer, Reader<T> reader) {
        return new Codec<>() {
            @Override
            public byte[] encode(T value) {
                try {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
                    DataOutputStream out = new DataOutputStream(bytes);
                    out.writeByte(FORMAT);
                    writer.write(out, value);
                    out.flush();
                    return bytes.toByteArray();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public T decode(byte[] bytes) {
                try {
                    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
                    byte format = in.readByte();
                    if (format != FORMAT) {
                        throw new IllegalStateException("unknown linkage state format " + format);
                    }
                    return reader.read(in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            out.writeUTF(value);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int size = in.readInt();
        List<String> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(in.readUTF());
        }
        return values;
    }

    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
