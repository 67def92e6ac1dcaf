package org.civiclink.deploy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;

import org.civiclink.deploy.TestPorts;
import org.civiclink.deploy.kafka.CivicLinkTopics;
import org.civiclink.deploy.kafka.KafkaBrokerProcess;
import org.civiclink.deploy.kafka.KafkaBrokerSpec;
import org.civiclink.deploy.kafka.KafkaLibs;
import org.civiclink.deploy.simulate.PopulationSpec;
import org.civiclink.deploy.simulate.PublishChannel;
import org.civiclink.simulator.Simulation;
import org.civiclink.simulator.quality.LinkageQuality;
import org.civiclink.simulator.quality.QualityReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole bench run on a real broker, with a fake stack behind the topics whose partition is known:
 * every figure bench reports is checked against what the fake did (counts, not speeds).
 */
class BenchRunTest {

    private static final long SEED = 9;
    private static final long PEOPLE = 40;

    @Test
    void measuresAKnownPipelineEndToEnd(@TempDir Path dir) throws Exception {
        KafkaBrokerSpec spec = new KafkaBrokerSpec(KafkaLibs.locate(), dir.resolve("kafka"), dir.resolve("config"),
                dir.resolve("logs/kafka.log"), dir.resolve("logs/kafka-console.log"), "127.0.0.1", TestPorts.free(), TestPorts.free());
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.start(spec, Duration.ofSeconds(120))) {
            CivicLinkTopics.provision(broker.bootstrapServers());
            StringWriter progress = new StringWriter();
            BenchReport report;
            Map<String, String> linkerPartition;
            int referrals;
            try (FakeStack stack = new FakeStack(broker.bootstrapServers())) {
                BenchSettings settings = new BenchSettings(PEOPLE, PopulationSpec.of(SEED, 1.0, List.of()), PublishChannel.kafka,
                        new PublishChannel.Target(URI.create("http://127.0.0.1:1"), broker.bootstrapServers(), 0, 1),
                        Duration.ofSeconds(60), Duration.ofSeconds(2), Duration.ofMinutes(2));
                report = new BenchRun(settings, "./civiclink bench (test)", new PrintWriter(progress)).run();
                linkerPartition = stack.partition();
                referrals = stack.referrals();
            }

            long records = Simulation.of(SEED, PEOPLE).run(r -> { });
            assertEquals(records, report.records(), progress.toString());
            assertEquals(0, report.published().failures());
            assertEquals(records, report.accepted());
            assertEquals(records, report.linked());
            assertEquals(records, report.intakeToLinked().count());
            assertEquals(records, report.passThrough().expected());
            assertEquals(records, report.passThrough().processed());
            assertEquals(referrals, report.intakeToInbox().referrals());
            assertEquals(referrals, report.intakeToInbox().matched());

            // The score bench computed is the fake linker's final partition (merge included) against the truth.
            String tag = linkerPartition.keySet().iterator().next().split(":")[1].split("-")[0];
            Map<String, String> truth = new HashMap<>();
            Simulation.of(SEED, PEOPLE).run(r -> truth.put(r.agency() + ":" + tag + "-" + r.recordId(), r.personId()));
            QualityReport expected = LinkageQuality.measure(truth, linkerPartition);
            assertEquals(expected, report.quality());
            assertEquals(0, report.quality().unclustered());
            assertTrue(BenchTable.format(report).contains("pass-through events/s"));

            // The pass-through's group and scratch topic are gone: a run leaves nothing behind on the stack's broker.
            try (Admin admin = CivicLinkTopics.admin(broker.bootstrapServers())) {
                List<String> groups = admin.listGroups().all().get().stream().map(GroupListing::groupId).toList();
                assertTrue(groups.stream().noneMatch(group -> group.startsWith("civiclink-bench-pass-through-")), groups.toString());
                Set<String> topics = admin.listTopics().names().get();
                assertTrue(topics.stream().noneMatch(topic -> topic.startsWith("civiclink.bench.pass-through.")), topics.toString());
            }
        }
    }
}
