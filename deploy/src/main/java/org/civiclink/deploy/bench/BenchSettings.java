package org.civiclink.deploy.bench;

import java.time.Duration;

import org.civiclink.deploy.simulate.PopulationSpec;
import org.civiclink.deploy.simulate.PublishChannel;

/**
 * One bench run's knobs.
 *
 * @param idleTimeout stop waiting for linked events after this long without one
 * @param settle      after the last linked event, how long the client-update and referral topics must be quiet
 */
public record BenchSettings(long people, PopulationSpec population, PublishChannel channel, PublishChannel.Target target,
                            Duration idleTimeout, Duration settle, Duration passThroughTimeout) {
}
