package org.civiclink.deploy.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import org.civiclink.deploy.postgres.PostgresTarget;
import org.civiclink.deploy.services.ServiceSpec;
import org.civiclink.deploy.stack.ComponentStatus;
import org.civiclink.deploy.stack.StackStatus;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "One line per component: up or down, with its pid. Exit code 0 if all are up, "
                + CivicLinkCommand.EXIT_NOT_ALL_UP + " otherwise.")
class StatusCommand implements Callable<Integer> {

    @Mixin
    StackOptions stackOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<ComponentStatus> statuses = StackStatus.check(stackOptions.layout(),
                PostgresTarget.fromEnvironment(System.getenv()), ServiceSpec.ALL);
        statuses.forEach(status -> out.println(status.render()));
        out.flush();
        return StackStatus.allUp(statuses) ? 0 : CivicLinkCommand.EXIT_NOT_ALL_UP;
    }
}
