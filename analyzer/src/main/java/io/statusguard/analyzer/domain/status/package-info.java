/**
 * The provider's error model: which {@link io.statusguard.analyzer.domain.status.StatusClass} a response
 * belongs to, with the provider's cause and advice. The model is data from the provider profile; this
 * package only evaluates it.
 */
package io.statusguard.analyzer.domain.status;
