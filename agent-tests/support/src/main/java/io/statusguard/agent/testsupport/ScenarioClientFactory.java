package io.statusguard.agent.testsupport;

import javax.net.ssl.SSLContext;

/** Makes the {@link ScenarioClient} a mode names, trusting what {@code tls} trusts. */
@FunctionalInterface
public interface ScenarioClientFactory {
  /**
   * @param mode the scenario mode without its {@code -ok} suffix, e.g. {@code sync}
   * @param tls the context whose trust (and nothing else) the client's TLS connections use
   * @throws IllegalArgumentException for a mode this factory does not know
   */
  ScenarioClient create(String mode, SSLContext tls);
}
