package org.civiclink.deploy.stack;

import java.util.OptionalLong;

/** One line of {@code ./civiclink status}. */
public record ComponentStatus(String name, boolean up, OptionalLong pid, String detail) {

    public String render() {
        return String.format("%-24s %-5s %-12s %s", name, up ? "up" : "down",
                pid.isPresent() ? "pid " + pid.getAsLong() : "-", detail);
    }
}
