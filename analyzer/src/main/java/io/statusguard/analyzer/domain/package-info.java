/**
 * The analyzer's domain core: the provider's error model ({@code status}), event-time windows of
 * response rates ({@code window}) and the agents seen in events ({@code agent}). It imports no Kafka,
 * Micrometer, Jackson or HTTP type and never reads the system clock: time comes in as an {@link
 * java.time.InstantSource}. {@code DomainArchitectureTest} enforces both on the compiled classes.
 */
package io.statusguard.analyzer.domain;
