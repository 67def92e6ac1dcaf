package org.civiclink.linkage.model;

import java.util.ArrayList;
import java.util.List;

import org.civiclink.simulator.Simulation;

/** Simulated agency records with ground truth, converted to the model's record type. */
public record Simulated(List<SourceRecord> records, List<String> personIds) {

    public static Simulated of(long seed, long people) {
        List<SourceRecord> records = new ArrayList<>();
        List<String> personIds = new ArrayList<>();
        Simulation.of(seed, people).run(r -> {
            records.add(toModel(r));
            personIds.add(r.personId());
        });
        return new Simulated(records, personIds);
    }

    public static SourceRecord toModel(org.civiclink.simulator.records.SourceRecord r) {
        return new SourceRecord(r.recordId(), r.agency(), r.firstName(), r.middleName(), r.lastName(), r.dateOfBirth(),
                r.sex(), r.ssn(), r.street(), r.city(), r.zip(), r.phone());
    }
}
