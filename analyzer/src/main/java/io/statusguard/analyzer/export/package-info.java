/** Micrometer meters for responses and for the event stream's health, exposed in Prometheus naming. */
package io.statusguard.analyzer.export;
