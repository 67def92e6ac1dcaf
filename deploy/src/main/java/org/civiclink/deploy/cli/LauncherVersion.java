package org.civiclink.deploy.cli;

import java.util.Optional;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, so it cannot drift from the pom. */
public class LauncherVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Optional.ofNullable(LauncherVersion.class.getPackage().getImplementationVersion()).orElse("(development build)");
        return new String[] {"CivicLink launcher " + version};
    }
}
