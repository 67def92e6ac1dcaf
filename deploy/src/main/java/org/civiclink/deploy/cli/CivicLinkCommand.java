package org.civiclink.deploy.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "civiclink",
        mixinStandardHelpOptions = true,
        versionProvider = LauncherVersion.class,
        description = "Runs CivicLink on this machine: a Kafka broker, PostgreSQL and the four services.",
        subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, TokenCommand.class, SimulateCommand.class, BenchCommand.class,
                LinkCommand.class, TrainCommand.class,
                CommandLine.HelpCommand.class})
public class CivicLinkCommand implements Callable<Integer> {

    /** Exit code of {@code status} when something is down. */
    public static final int EXIT_NOT_ALL_UP = 3;

    @Spec
    CommandSpec spec;

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new CivicLinkCommand());
        commandLine.setExecutionExceptionHandler(new StackErrorHandler());
        return commandLine;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command: up, down, status, token, simulate, bench, link or train");
    }
}
