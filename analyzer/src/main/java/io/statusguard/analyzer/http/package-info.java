/**
 * The HTTP endpoints: the Prometheus scrape, the health and readiness probes, and the JSON API over the
 * windows and the agents seen.
 */
package io.statusguard.analyzer.http;
