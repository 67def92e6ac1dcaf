package org.civiclink.linkage.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.civiclink.linkage.model.blocking.BlockingRule;
import org.civiclink.linkage.model.compare.Comparison;
import org.civiclink.linkage.model.compare.LevelSpec;
import org.civiclink.linkage.model.io.ModelJson;
import org.civiclink.linkage.model.standardize.Names;
import org.civiclink.linkage.model.standardize.Nicknames;
import org.civiclink.linkage.model.standardize.Standardizer;

/**
 * A Fellegi-Sunter linkage model (Splink's domain model): standardization, blocking, comparisons with m/u
 * per level, term-frequency adjustment, thresholds and genericity limits, all from one model file.
 * Immutable and thread safe. Scores are symmetric and deterministic: levels are symmetric predicates and
 * weights are summed in the fixed order of the comparisons.
 */
public final class LinkageModel {

    private static final String DEFAULT_RESOURCE = "/org/civiclink/linkage/model/default-model.json";
    // Version 1 held one canonical nickname-group name where version 2 holds the list of formal names.
    private static final byte ENCODING_VERSION = 2;
    private static final byte ENCODING_VERSION_SINGLE_CANONICAL = 1;

    private final ModelFile file;
    private final Standardizer standardizer;
    private final Comparison[] comparisons;
    private final BlockingRule[] blockingRules;
    private final double priorWeight;
    private final Conflicts conflicts;

    public LinkageModel(ModelFile file) {
        this.file = validate(file);
        this.standardizer = new Standardizer(Nicknames.standard());
        this.comparisons = file.comparisons().stream().map(Comparison::new).toArray(Comparison[]::new);
        this.blockingRules = file.blockingRules().stream().map(BlockingRule::new).toArray(BlockingRule[]::new);
        double lambda = file.probabilityTwoRandomRecordsMatch();
        this.priorWeight = Math.log(lambda / (1 - lambda)) / Math.log(2);
        this.conflicts = new Conflicts(file.maxBirthYearGap(), file.maxSsnTypoDistance(), file.twinGuard(),
                standardizer.nicknames());
    }

    public static LinkageModel defaultModel() {
        try (InputStream in = LinkageModel.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + DEFAULT_RESOURCE);
            }
            return new LinkageModel(ModelJson.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LinkageModel read(Path file) {
        return new LinkageModel(ModelJson.read(file));
    }

    public void write(Path path) {
        ModelJson.write(file, path);
    }

    public ModelFile file() {
        return file;
    }

    public String version() {
        return file.version();
    }

    public List<Comparison> comparisons() {
        return List.of(comparisons);
    }

    public List<BlockingRule> blockingRules() {
        return List.of(blockingRules);
    }

    public double priorWeight() {
        return priorWeight;
    }

    public StandardizedRecord standardize(SourceRecord record) {
        return standardizer.standardize(record);
    }

    // ---- compact binary form for the engine's state store

    public byte[] encode(StandardizedRecord r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(160);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(ENCODING_VERSION);
            int flags = r.dobUnknownDefault() ? 1 : 0;
            out.writeByte(flags);
            writeString(out, r.recordId());
            writeString(out, r.firstName());
            List<String> formal = r.firstFormalNames() == null ? List.of() : r.firstFormalNames();
            out.writeByte(formal.size());
            for (String name : formal) {
                out.writeUTF(name);
            }
            writeString(out, r.firstPhonetic());
            writeString(out, r.middleName());
            writeString(out, r.lastName());
            writeString(out, r.lastPhonetic());
            writeString(out, r.dateOfBirth());
            writeString(out, r.sex());
            writeString(out, r.ssn());
            writeString(out, r.street());
            writeString(out, r.city());
            writeString(out, r.zip());
            writeString(out, r.phone());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads {@link #encode}'s form; a version 1 record gets its formal names recomputed from its first name. */
    public StandardizedRecord decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != ENCODING_VERSION && version != ENCODING_VERSION_SINGLE_CANONICAL) {
                throw new IllegalArgumentException("unknown standardized record encoding version " + version);
            }
            int flags = in.readByte();
            String recordId = readString(in);
            String firstName = readString(in);
            List<String> formal;
            if (version == ENCODING_VERSION_SINGLE_CANONICAL) {
                readString(in);
                formal = standardizer.formalNames(firstName);
            } else {
                formal = readFormalNames(in);
            }
            return new StandardizedRecord(recordId, firstName, formal, readString(in), readString(in), readString(in),
                    readString(in), readString(in), (flags & 1) != 0, readString(in), readString(in), readString(in),
                    readString(in), readString(in), readString(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readFormalNames(DataInputStream in) throws IOException {
        int size = in.readByte();
        if (size == 0) {
            return null;
        }
        String[] names = new String[size];
        for (int i = 0; i < size; i++) {
            names[i] = in.readUTF();
        }
        return List.of(names);
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeBoolean(false);
        } else {
            out.writeBoolean(true);
            out.writeUTF(value);
        }
    }

    private static String readString(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    // ---- genericity

    public List<EvidenceValue> evidenceValues(StandardizedRecord r) {
        List<EvidenceValue> values = new ArrayList<>(3);
        if (r.ssn() != null) {
            values.add(new EvidenceValue(EvidenceValue.SSN, r.ssn()));
        }
        if (r.phone() != null) {
            values.add(new EvidenceValue(EvidenceValue.PHONE, r.phone()));
        }
        String address = r.address();
        if (address != null) {
            values.add(new EvidenceValue(EvidenceValue.ADDRESS, address));
        }
        return values;
    }

    /**
     * A coarse "who is this" key: phonetic code of the canonical first name plus birth year. Nicknames and
     * small typos of one person map to one key, so counting distinct keys per value counts people, not records.
     */
    public String identityKey(StandardizedRecord r) {
        // The first formal name: a nickname of several (Pat) then counts as one of them, never as all.
        String name = r.firstFormalNames() == null ? "?" : Names.phonetic(r.firstFormalNames().get(0));
        return name + "|" + (r.dateOfBirth() == null ? "?" : r.dateOfBirth().substring(0, 4));
    }

    public int genericLimit(String field) {
        Integer limit = file.genericLimits().get(field);
        if (limit == null) {
            throw new IllegalArgumentException("no generic limit for evidence field '" + field + "'");
        }
        return limit;
    }

    // ---- blocking

    public List<String> blockingKeys(StandardizedRecord r, GenericValues generic) {
        List<String> keys = new ArrayList<>(8);
        for (BlockingRule rule : blockingRules) {
            rule.keys(r, generic, keys);
        }
        return keys;
    }

    public int maxBlockSize() {
        return file.maxBlockSize();
    }

    // ---- scoring

    public PairScore score(StandardizedRecord a, StandardizedRecord b, GenericValues generic) {
        double weight = priorWeight;
        for (Comparison comparison : comparisons) {
            int level = comparison.levelOf(a, b, generic);
            weight += comparison.levelWeight(level);
            weight += comparison.tfAdjustment(level, comparison.value(a, generic));
        }
        return new PairScore(weight, probability(weight));
    }

    public Explanation explain(StandardizedRecord a, StandardizedRecord b, GenericValues generic) {
        double weight = priorWeight;
        List<Explanation.Step> steps = new ArrayList<>(comparisons.length);
        for (Comparison comparison : comparisons) {
            int level = comparison.levelOf(a, b, generic);
            LevelSpec spec = comparison.level(level);
            double levelWeight = comparison.levelWeight(level);
            String valueA = comparison.value(a, generic);
            double tf = comparison.tfAdjustment(level, valueA);
            weight += levelWeight;
            weight += tf;
            boolean hasMU = !spec.carriesNoWeight() && spec.m() != null && spec.u() != null;
            steps.add(new Explanation.Step(comparison.name(), spec.label(), describe(comparison, a, generic),
                    describe(comparison, b, generic), hasMU ? spec.m() : 1, hasMU ? spec.u() : 1,
                    Math.pow(2, levelWeight), levelWeight + tf, tf));
        }
        Optional<String> conflict = conflict(a, b, generic);
        return new Explanation(version(), priorWeight, steps, weight, probability(weight), conflict.orElse(null),
                decision(weight, conflict.isPresent()));
    }

    /** The value as the waterfall shows it: masked where it identifies a person, marked when it is generic. */
    private static String describe(Comparison comparison, StandardizedRecord r, GenericValues generic) {
        String raw = comparison.field().value(r);
        String seen = comparison.value(r, generic);
        String shown = ShownValue.of(comparison.field(), raw);
        return raw != null && seen == null ? shown + " (generic)" : shown;
    }

    /** LINK at or above the link threshold, POSSIBLE_MATCH in [review, link) or whenever a conflict blocks a link. */
    public String decision(double weight, boolean conflicted) {
        if (weight >= linkThreshold()) {
            return conflicted ? Explanation.POSSIBLE_MATCH : Explanation.LINK;
        }
        return weight >= reviewThreshold() ? Explanation.POSSIBLE_MATCH : Explanation.NO_LINK;
    }

    public Optional<String> conflict(StandardizedRecord a, StandardizedRecord b, GenericValues generic) {
        return conflicts.conflict(a, b, generic);
    }

    public double linkThreshold() {
        return file.linkThreshold();
    }

    public double reviewThreshold() {
        return file.reviewThreshold();
    }

    /** The match probability of a match weight (log2 odds). */
    public static double probability(double weight) {
        double odds = Math.pow(2, weight);
        return Double.isInfinite(odds) ? 1.0 : odds / (1 + odds);
    }

    private static ModelFile validate(ModelFile file) {
        if (file.comparisons() == null || file.comparisons().isEmpty()) {
            throw new IllegalArgumentException("model has no comparisons");
        }
        if (file.blockingRules() == null || file.blockingRules().isEmpty()) {
            throw new IllegalArgumentException("model has no blocking rules");
        }
        double lambda = file.probabilityTwoRandomRecordsMatch();
        if (!(lambda > 0 && lambda < 1)) {
            throw new IllegalArgumentException("probabilityTwoRandomRecordsMatch must be in (0, 1), was " + lambda);
        }
        if (file.reviewThreshold() > file.linkThreshold()) {
            throw new IllegalArgumentException("reviewThreshold must not exceed linkThreshold");
        }
        Map<String, Integer> limits = file.genericLimits();
        for (String field : List.of(EvidenceValue.SSN, EvidenceValue.PHONE, EvidenceValue.ADDRESS)) {
            if (limits == null || !limits.containsKey(field)) {
                throw new IllegalArgumentException("genericLimits lacks '" + field + "'");
            }
        }
        return file;
    }
}
