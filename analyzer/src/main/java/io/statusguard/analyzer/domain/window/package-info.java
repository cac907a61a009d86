/**
 * Event-time windows of response rates per series (service, egress group, method, operation, endpoint,
 * status and class): 1-second buckets for the last minute, 10-second buckets for the retention (an
 * hour by default), a bounded number of series. One thread records; any thread reads.
 */
package io.statusguard.analyzer.domain.window;
