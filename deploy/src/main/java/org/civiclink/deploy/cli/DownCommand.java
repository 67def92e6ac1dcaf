package org.civiclink.deploy.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.civiclink.deploy.layout.StackLayout;
import org.civiclink.deploy.process.PidFiles;
import org.civiclink.deploy.process.ProcessStopper;
import org.civiclink.deploy.stack.StackHome;
import org.civiclink.deploy.stack.StackShutdown;

@Command(name = "down", mixinStandardHelpOptions = true, description = "Stops a stack started with 'up' (in any terminal), using the pid files in its state folder.")
class DownCommand implements Callable<Integer> {

    @Mixin
    StackOptions stackOptions;

    @Option(names = "--purge", description = "Also delete the state folder: broker data, databases, logs.")
    boolean purge;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StackLayout layout = stackOptions.layout();
        List<StackShutdown.Stopped> stopped = StackShutdown.stop(new PidFiles(layout.runDir()), ProcessStopper.DEFAULT_GRACE, line -> {
            out.println(line);
            out.flush();
        });
        out.println(stopped.isEmpty() ? "Nothing was running from " + layout.home() : "Stopped.");
        if (purge) {
            out.println(StackHome.purge(layout.home()) ? "Deleted " + layout.home() : layout.home() + " does not exist");
        }
        return 0;
    }
}
