/** The provider's edge: the per-caller sliding-window block and the per-caller rate limit. */
package io.statusguard.simulator.internal.firewall;
