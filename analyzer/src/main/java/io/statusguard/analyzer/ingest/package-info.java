/** Reading the event topic: the Kafka consumer group member and the bounded JSON decoder. */
package io.statusguard.analyzer.ingest;
