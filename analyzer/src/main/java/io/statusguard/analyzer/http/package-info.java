/** The HTTP endpoints: the Prometheus scrape and the health probe. */
package io.statusguard.analyzer.http;
