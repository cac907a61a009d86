/**
 * The agents the analyzer has heard from: for now, the service instances seen in response events. Agent
 * heartbeats, when they come, add to the same sightings.
 */
package io.statusguard.analyzer.domain.agent;
