package org.civiclink.deploy.cli;

import java.io.PrintWriter;

import org.civiclink.deploy.layout.StackLayout;
import org.civiclink.deploy.security.DevTokens;
import org.civiclink.deploy.services.ServiceProcess;
import org.civiclink.deploy.services.ServiceSpec;
import org.civiclink.deploy.stack.LocalStack;

/** What {@code up} prints once everything is ready: where things are and a first request to try. */
final class StackSummary {

    private final PrintWriter out;

    StackSummary(PrintWriter out) {
        this.out = out;
    }

    void print(LocalStack stack) {
        StackLayout layout = stack.layout();
        out.println();
        out.println("CivicLink is up. State: " + layout.home() + "   Logs: " + layout.logsDir());
        out.println();
        for (ServiceProcess service : stack.services()) {
            out.printf("  %-24s %s%n", service.spec().name(), service.baseUrl());
        }
        if (!stack.services().isEmpty()) {
            out.println("  (each has /q/health, /q/openapi, /q/metrics)");
        }
        out.printf("  %-24s %s%n", "Kafka", layout.kafkaBootstrap());
        out.printf("  %-24s %s%n", "PostgreSQL", stack.postgres());
        if (stack.services().isEmpty()) {
            printInfraHints(stack);
        } else {
            printTry(stack);
        }
        out.println();
        out.println("Stop with Ctrl-C here, or ./civiclink down in another terminal.");
    }

    private void printTry(LocalStack stack) {
        String token = DevTokens.demoCaseworker();
        out.println();
        out.println("Caseworker token (" + DevTokens.DEMO_CASEWORKER + ", agency " + DevTokens.DEMO_CASEWORKER_AGENCY
                + ", valid " + DevTokens.DEFAULT_LIFETIME.toHours() + " h; more: ./civiclink token --role <role>):");
        out.println(token);
        out.println();
        ServiceSpec recommendation = stack.options().service(ServiceSpec.RECOMMENDATION.name()).orElse(ServiceSpec.RECOMMENDATION);
        stack.demoReferralId().ifPresentOrElse(referralId -> {
            out.println("The demo referral:");
            out.println("curl -s -H \"Authorization: Bearer " + token + "\" -H \"Purpose-Of-Use: REFERRAL\" "
                    + recommendation.url("/v1/referrals/" + referralId));
        }, () -> {
            out.println("The caseworker inbox:");
            out.println("curl -s -H \"Authorization: Bearer " + token + "\" -H \"Purpose-Of-Use: REFERRAL\" "
                    + recommendation.url("/v1/inbox"));
        });
    }

    private void printInfraHints(LocalStack stack) {
        out.println();
        out.println("Infrastructure only. Point a service at it with:");
        out.println("  KAFKA_BOOTSTRAP_SERVERS=" + stack.layout().kafkaBootstrap()
                + " QUARKUS_KAFKA_STREAMS_BOOTSTRAP_SERVERS=" + stack.layout().kafkaBootstrap());
        for (ServiceSpec spec : ServiceSpec.ALL) {
            spec.database().ifPresent(database -> out.println("  " + spec.name() + ": QUARKUS_DATASOURCE_JDBC_URL="
                    + stack.postgres().jdbcUrl(database) + " QUARKUS_DATASOURCE_USERNAME=" + stack.postgres().user()));
        }
    }
}
