package io.statusguard.agent.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The body-tap scenarios of a client that hands the application each body whole (an async consumer, a
 * reactive receiver), beyond those of every client: an encoded body is captured as the application
 * reads it, and an error without a body ends its tap.
 */
public abstract class WholeBodyTapScenarios extends BodyTapScenarios {
  /** {@code Function<String, byte[]>} as a class, for {@link AdvisedClassLoader#newInstance}. */
  @SuppressWarnings("unchecked")
  protected static Class<Function<String, byte[]>> functionType() {
    return (Class<Function<String, byte[]>>) (Class<?>) Function.class;
  }

  @Test
  void anEncodedBodyIsCapturedWithItsContentEncoding() throws InterruptedException {
    byte[] read = get(server.url("/gzip"));

    assertThat(sink.awaitReported(1)).hasSize(1);
    assertThat(sink.onlyTap().contentEncoding()).isEqualTo("gzip");
    assertThat(sink.onlyTap().capturedBytes()).isEqualTo(read);
  }

  @Test
  void anErrorWithoutABodyEndsItsTap() throws InterruptedException {
    assertThat(get(server.url("/empty"))).isEmpty();

    assertThat(sink.awaitReported(1)).hasSize(1);
    assertThat(sink.onlyTap().isEnded()).isTrue();
    assertThat(sink.onlyTap().capturedBytes()).isEmpty();
    assertThat(sink.onlyTap().reachedEndOfBody()).isTrue();
  }
}
