/**
 * The provider profile: a YAML document, built in or given with {@code --profile}, from which the error
 * model is loaded. The YAML binding lives here so that the domain core stays free of Jackson.
 */
package io.statusguard.analyzer.profile;
