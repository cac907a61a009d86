/**
 * A local stand-in for the card-payments provider: start a {@link io.statusguard.simulator.ProviderSimulator}
 * with a {@link io.statusguard.simulator.SimulatorConfig} and point real HTTP clients at its
 * {@code baseUri()}. Everything under {@code internal} is machinery and may change without notice.
 */
package io.statusguard.simulator;
