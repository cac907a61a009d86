/** The provider's operations and its reply format: {@code SC}, {@code EC}, {@code EM} over compact JSON. */
package io.statusguard.simulator.internal.api;
