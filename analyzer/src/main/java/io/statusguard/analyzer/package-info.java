/**
 * Entry points: {@link io.statusguard.analyzer.Analyzer} to embed, {@link io.statusguard.analyzer.AnalyzerMain}
 * for the command line. The domain core sits in {@code domain} and imports none of the adapters'
 * libraries; the adapters around it are {@code ingest} (Kafka), {@code profile} (YAML), {@code export}
 * (Micrometer) and {@code http}.
 */
package io.statusguard.analyzer;
