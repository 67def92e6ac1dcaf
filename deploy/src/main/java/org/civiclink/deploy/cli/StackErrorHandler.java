package org.civiclink.deploy.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import org.civiclink.deploy.StackException;

/** A {@link StackException} is advice for the user: its message alone, no stack trace. */
class StackErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        if (e instanceof StackException) {
            commandLine.getErr().println("civiclink: " + e.getMessage());
        } else {
            commandLine.getErr().println("civiclink: unexpected error: " + e);
            e.printStackTrace(commandLine.getErr());
        }
        commandLine.getErr().flush();
        return 1;
    }
}
