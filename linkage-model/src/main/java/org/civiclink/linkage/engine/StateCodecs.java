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
    private static final byte EVIDENCE_USAGE_FORMAT = 2;

    private StateCodecs() {
    }

    public static final Codec<Block> BLOCK = codec(
            (out, block) -> {
                out.writeBoolean(block.oversized());
                writeStrings(out, block.recordIds());
            },
            in -> new Block(in.readBoolean(), readStrings(in)));

    /** Format 2 keeps each holder's identity key; format 1 (identity keys and holders apart) is still read. */
    public static final Codec<EvidenceUsage> EVIDENCE_USAGE = codec(EVIDENCE_USAGE_FORMAT,
            (out, usage) -> {
                out.writeBoolean(usage.generic());
                out.writeBoolean(usage.saturated());
                out.writeInt(usage.identityByRecord().size());
                for (Map.Entry<String, String> holder : usage.identityByRecord().entrySet()) {
                    out.writeUTF(holder.getKey());
                    out.writeUTF(holder.getValue());
                }
            },
            (in, format) -> format == FORMAT ? evidenceUsageFormat1(in) : readEvidenceUsage(in));

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

    @FunctionalInterface
    private interface FormatReader<T> {
        T read(DataInputStream in, byte format) throws IOException;
    }

    private static <T> Codec<T> codec(Writer<T> writer, Reader<T> reader) {
        return codec(FORMAT, writer, (in, format) -> reader.read(in));
    }

    /** A codec that writes {@code format} and reads it and every earlier format. */
    private static <T> Codec<T> codec(byte current, Writer<T> writer, FormatReader<T> reader) {
        return new Codec<>() {
            @Override
            public byte[] encode(T value) {
                try {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
                    DataOutputStream out = new DataOutputStream(bytes);
                    out.writeByte(current);
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
                    if (format < FORMAT || format > current) {
                        throw new IllegalStateException("unknown linkage state format " + format);
                    }
                    return reader.read(in, format);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private static EvidenceUsage readEvidenceUsage(DataInputStream in) throws IOException {
        boolean generic = in.readBoolean();
        boolean saturated = in.readBoolean();
        int size = in.readInt();
        Map<String, String> holders = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            holders.put(in.readUTF(), in.readUTF());
        }
        return new EvidenceUsage(generic, saturated, holders);
    }

    /**
     * Format 1 kept identity keys and holders in two unrelated lists and dropped both once generic.
     * A generic value becomes saturated; otherwise holders get the identity keys in order, which keeps
     * the number of distinct identities (what genericity counts) as long as they hold the value.
     */
    private static EvidenceUsage evidenceUsageFormat1(DataInputStream in) throws IOException {
        boolean generic = in.readBoolean();
        List<String> identities = readStrings(in);
        List<String> recordIds = readStrings(in);
        if (generic || identities.isEmpty()) {
            return generic ? EvidenceUsage.SATURATED : new EvidenceUsage(false, false, Map.of());
        }
        Map<String, String> holders = new TreeMap<>();
        for (int i = 0; i < recordIds.size(); i++) {
            holders.put(recordIds.get(i), identities.get(Math.min(i, identities.size() - 1)));
        }
        return new EvidenceUsage(false, false, holders);
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
