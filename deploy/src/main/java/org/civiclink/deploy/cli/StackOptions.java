package org.civiclink.deploy.cli;

import java.nio.file.Path;
import java.util.Optional;

import picocli.CommandLine.Option;

import org.civiclink.deploy.layout.RepoRoot;
import org.civiclink.deploy.layout.StackLayout;

/** The state-folder option shared by up, down and status. */
public class StackOptions {

    @Option(names = "--home", paramLabel = "DIR",
            description = "State folder (default: $" + StackLayout.HOME_ENV + ", else <repo>/" + StackLayout.DEFAULT_HOME + ")")
    Path home;

    /** down and status work without a checkout (given --home); up then fails on the missing service jars. */
    public StackLayout layout() {
        Path repoRoot = RepoRoot.find().orElse(Path.of("").toAbsolutePath());
        return StackLayout.defaults(repoRoot, StackLayout.resolveHome(Optional.ofNullable(home), System.getenv(), repoRoot));
    }
}
