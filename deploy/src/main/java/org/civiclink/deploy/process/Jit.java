package org.civiclink.deploy.process;

import java.util.List;

/**
 * How the JVMs the launcher starts compile Java. It decides how much load the local stack carries:
 * with C1 only, every JVM of the stack ran its hot code slower, and at 200 events/s the two-core
 * machine fell seconds behind where tiered compilation kept up (docs/benchmarks.md, "Intake to inbox").
 */
public enum Jit {

    /** The JVM's own tiered compilation: C1 first, C2 for hot code. Starts a little later, carries load. */
    FULL(List.of()),

    /**
     * C1 only, as in Quarkus dev mode: on two cores, JVMs that start side by side are ready sooner
     * because no C2 threads compete with them. For short-lived JVMs (tests) and for trying the demo.
     */
    QUICK_START(List.of("-XX:TieredStopAtLevel=1"));

    private final List<String> jvmOptions;

    Jit(List<String> jvmOptions) {
        this.jvmOptions = jvmOptions;
    }

    public List<String> jvmOptions() {
        return jvmOptions;
    }
}
