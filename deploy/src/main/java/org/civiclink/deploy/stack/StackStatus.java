package org.civiclink.deploy.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.civiclink.deploy.http.Http;
import org.civiclink.deploy.layout.PortGuard;
import org.civiclink.deploy.layout.StackLayout;
import org.civiclink.deploy.postgres.PostgresTarget;
import org.civiclink.deploy.process.PidFiles;
import org.civiclink.deploy.process.PidRecord;
import org.civiclink.deploy.services.ServiceSpec;

/**
 * Looks at what answers, not at what the pid files claim: a component is up when its port or
 * readiness endpoint answers; the pid is shown when a live process of this stack is recorded.
 */
public final class StackStatus {

    private StackStatus() {
    }

    public static List<ComponentStatus> check(StackLayout layout, Optional<PostgresTarget> configuredPostgres,
                                              List<ServiceSpec> services) {
        PidFiles pids = new PidFiles(layout.runDir());
        List<ComponentStatus> lines = new ArrayList<>();
        lines.add(new ComponentStatus("kafka", PortGuard.isListening(layout.host(), layout.kafkaPort(), 1000),
                livePid(pids, LocalStack.KAFKA), layout.kafkaBootstrap()));
        lines.add(postgres(layout, configuredPostgres, pids));
        Http http = new Http(Duration.ofSeconds(2));
        for (ServiceSpec spec : services) {
            Optional<Http.Response> response = http.tryGet(spec.readinessUrl(), Map.of());
            boolean up = response.map(r -> r.status() == 200).orElse(false);
            String detail = spec.baseUrl() + response.filter(r -> r.status() != 200)
                    .map(r -> " (readiness HTTP " + r.status() + ")").orElse("");
            lines.add(new ComponentStatus(spec.name(), up, livePid(pids, spec.name()), detail));
        }
        return lines;
    }

    public static boolean allUp(List<ComponentStatus> statuses) {
        return statuses.stream().allMatch(ComponentStatus::up);
    }

    private static ComponentStatus postgres(StackLayout layout, Optional<PostgresTarget> configured, PidFiles pids) {
        if (configured.isPresent()) {
            PostgresTarget target = configured.get();
            return new ComponentStatus("postgres", target.isReachable(2), OptionalLong.empty(), target.toString());
        }
        return new ComponentStatus("postgres", PortGuard.isListening(layout.host(), layout.postgresPort(), 1000),
                livePid(pids, LocalStack.POSTGRES), "embedded, " + layout.host() + ":" + layout.postgresPort());
    }

    private static OptionalLong livePid(PidFiles pids, String name) {
        return pids.read(name).flatMap(PidRecord::liveProcess)
                .map(handle -> OptionalLong.of(handle.pid())).orElse(OptionalLong.empty());
    }
}
