package org.civiclink.linkage.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.civiclink.linkage.model.SourceRecord;
import org.civiclink.simulator.Simulation;

/** Simulated agency records with their ground truth, in the linker's record shape. */
record Populations(List<SourceRecord> records, Map<String, String> personOf) {

    static Populations simulate(long seed, long people, double errorScale) {
        List<SourceRecord> records = new ArrayList<>();
        Map<String, String> personOf = new HashMap<>();
        Simulation.of(seed, people).withErrorScale(errorScale).run(r -> {
            String id = r.agency() + ":" + r.recordId();
            records.add(new SourceRecord(id, r.agency(), r.firstName(), r.middleName(), r.lastName(), r.dateOfBirth(),
                    r.sex(), r.ssn(), r.street(), r.city(), r.zip(), r.phone()));
            personOf.put(id, r.personId());
        });
        return new Populations(records, personOf);
    }
}
