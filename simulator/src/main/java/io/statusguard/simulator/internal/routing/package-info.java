/** The provider's route table: method and path template to operation, kept as data. */
package io.statusguard.simulator.internal.routing;
