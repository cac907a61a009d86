package io.statusguard.agent.instrumentation.urlconnection;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.agent.instrumentation.AdvisedTypes;
import org.junit.jupiter.api.Test;

/**
 * The advice binds to the JDK's {@code HttpURLConnection} of the JDK running this test (its fields,
 * the ones it replaces with tapped streams included); the integration tests check the behaviour on
 * JDK 17 and 25.
 */
class UrlConnectionAdviceTest {
  @Test
  void adviceBindsToTheConnectionAndItsHttpsDelegate() {
    assertThat(AdvisedTypes.advise(new UrlConnectionInstrumentation())).isNotEmpty();
    assertThat(AdvisedTypes.advise(new HttpsConnectInstrumentation())).isNotEmpty();
  }
}
