/** The JDK HTTP server adapter: turns exchanges into calls, in the order the provider's edge checks them. */
package io.statusguard.simulator.internal.http;
