/**
 * Reading the event topic: the Kafka consumer group member, the bounded JSON decoder, the replay that
 * rebuilds windows after a partition assignment, and the optional dead-letter copy of rejected records.
 */
package io.statusguard.analyzer.ingest;
