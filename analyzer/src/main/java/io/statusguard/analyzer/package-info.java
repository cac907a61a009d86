/**
 * Entry points: {@link io.statusguard.analyzer.Analyzer} to embed, {@link io.statusguard.analyzer.AnalyzerMain}
 * for the command line. The adapters sit in {@code ingest} (Kafka), {@code export} (Micrometer) and
 * {@code http}; a domain core, when it comes, imports none of their libraries.
 */
package io.statusguard.analyzer;
