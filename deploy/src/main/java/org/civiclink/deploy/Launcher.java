package org.civiclink.deploy;

import org.civiclink.deploy.cli.CivicLinkCommand;

/** Entry point of {@code civiclink-launcher.jar}; the {@code ./civiclink} script runs it. */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(CivicLinkCommand.commandLine().execute(args));
    }
}
