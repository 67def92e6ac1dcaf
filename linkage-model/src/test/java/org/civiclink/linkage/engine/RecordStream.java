package org.civiclink.linkage.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.civiclink.linkage.model.SourceRecord;

/**
 * A random stream of what agencies and operators send: records, corrections (a record id sent again
 * with other data; the latest version wins) and withdrawals, interleaved at random. Earlier versions
 * borrow fields from other people's records, so they make links that the final versions must undo;
 * a third of them carry the SSN and phone of one of a few people, as a clerk who types one
 * client's numbers for everyone would, so those values turn generic and back when corrected.
 *
 * @param events the stream, in arrival order
 * @param last   record id -> the record as it stands at the end; withdrawn records are absent
 */
record RecordStream(List<Event> events, Map<String, SourceRecord> last) {

    long count(Class<? extends Event> type) {
        return events.stream().filter(type::isInstance).count();
    }

    /** One thing that arrives. */
    sealed interface Event permits Send, Withdraw {
        void applyTo(LinkageEngine engine);
    }

    record Send(SourceRecord record) implements Event {
        @Override
        public void applyTo(LinkageEngine engine) {
            engine.link(record);
        }
    }

    record Withdraw(String recordId) implements Event {
        @Override
        public void applyTo(LinkageEngine engine) {
            engine.withdraw(recordId);
        }
    }

    private record Timed(double at, Event event) {
    }

    // About 300 corrections and 100 withdrawals in a stream of 2,000 records.
    private static final double CORRECTED_SHARE = 0.12;
    private static final double WITHDRAWN_SHARE = 0.06;
    private static final double RETURNING_SHARE = 0.25;

    /**
     * @param fates  decides which records end withdrawn: the same seed gives the same final records
     * @param random decides corrections, their data and the arrival order
     */
    static RecordStream of(List<SourceRecord> records, Random fates, Random random) {
        List<SourceRecord> typedForEveryone = List.of(pick(records, random), pick(records, random), pick(records, random));
        List<Timed> timed = new ArrayList<>();
        Map<String, SourceRecord> last = new LinkedHashMap<>();
        for (SourceRecord record : records) {
            List<Event> history = new ArrayList<>();
            if (random.nextDouble() < CORRECTED_SHARE) {
                int earlier = 1 + random.nextInt(2);
                for (int i = 0; i < earlier; i++) {
                    history.add(new Send(random.nextInt(3) == 0
                            ? withNumbersOf(record, pick(typedForEveryone, random))
                            : distorted(record, pick(records, random), random)));
                }
            }
            history.add(new Send(record));
            boolean withdrawn = fates.nextDouble() < WITHDRAWN_SHARE;
            if (withdrawn) {
                history.add(new Withdraw(record.recordId()));
                if (fates.nextDouble() < RETURNING_SHARE) {
                    history.add(new Send(record));
                    withdrawn = false;
                }
            }
            if (!withdrawn) {
                last.put(record.recordId(), record);
            }
            double[] times = random.doubles(history.size()).sorted().toArray();
            for (int i = 0; i < history.size(); i++) {
                timed.add(new Timed(times[i], history.get(i)));
            }
        }
        timed.sort(Comparator.comparingDouble(Timed::at));
        return new RecordStream(timed.stream().map(Timed::event).toList(), last);
    }

    private static SourceRecord pick(List<SourceRecord> records, Random random) {
        return records.get(random.nextInt(records.size()));
    }

    private static SourceRecord withNumbersOf(SourceRecord r, SourceRecord other) {
        return new SourceRecord(r.recordId(), r.agency(), r.firstName(), r.middleName(), r.lastName(), r.dateOfBirth(),
                r.sex(), other.ssn(), r.street(), r.city(), r.zip(), other.phone());
    }

    /** The record with one to three of its identifying fields taken from another record. */
    private static SourceRecord distorted(SourceRecord r, SourceRecord donor, Random random) {
        String[] fields = {r.firstName(), r.lastName(), r.dateOfBirth(), r.ssn(), r.street(), r.zip(), r.phone()};
        String[] from = {donor.firstName(), donor.lastName(), donor.dateOfBirth(), donor.ssn(), donor.street(),
                donor.zip(), donor.phone()};
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
            int field = random.nextInt(fields.length);
            fields[field] = from[field];
        }
        return new SourceRecord(r.recordId(), r.agency(), fields[0], r.middleName(), fields[1], fields[2], r.sex(),
                fields[3], fields[4], r.city(), fields[5], fields[6]);
    }
}
