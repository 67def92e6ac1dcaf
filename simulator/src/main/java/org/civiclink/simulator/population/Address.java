package org.civiclink.simulator.population;

/** A street address; {@code shelter} marks one of the shared shelter addresses. */
public record Address(String street, String city, String zip, boolean shelter) {
}
