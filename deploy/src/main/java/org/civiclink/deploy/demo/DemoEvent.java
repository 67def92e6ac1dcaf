package org.civiclink.deploy.demo;

/** One demo intake event as shipped in {@code demo/}, with the fields the launcher needs to post it. */
public record DemoEvent(String resource, String agencyCode, String agencyEventId, String eventType, String json) {
}
