package io.statusguard.agent.instrumentation.reactornetty;

import io.statusguard.agent.instrumentation.AdvisedClassLoader;
import io.statusguard.agent.instrumentation.WholeBodyTapScenarios;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import reactor.netty.http.client.HttpClient;

/**
 * Reactor Netty 1.0.0 (the oldest version claimed) with the advice inlined, against a real server:
 * each error body is tapped as its pieces reach the application's receiver, which gets the same bytes
 * as without the agent. The integration tests in {@code agent-tests/reactor-netty-*} run the same on
 * 1.3.
 */
class ReactorNettyBodyTapTest extends WholeBodyTapScenarios {
  /**
   * One for the class, with a Netty of its own: Reactor Netty registers its Netty attribute keys once
   * per Netty, and other tests load Reactor Netty too.
   */
  private static Function<String, byte[]> app;

  @BeforeAll
  static void defineApplication() {
    app = AdvisedClassLoader.of(List.of(new HttpObserverInstrumentation(),
            new HttpIoHandlerObserverInstrumentation(), new HttpClientHandlerInstrumentation(),
            new HttpClientOperationsInstrumentation()),
            "reactor.netty.", "io.netty.", Application.class.getName())
        .newInstance(Application.class, functionType());
  }

  @Override
  protected byte[] get(String url) {
    return app.apply(url);
  }

  /** The application, defined with Reactor Netty by the advised loader: the body of a GET. */
  public static final class Application implements Function<String, byte[]> {
    private final HttpClient client = HttpClient.create();

    @Override
    public byte[] apply(String url) {
      return client.get().uri(url)
          .responseSingle((response, body) -> body.asByteArray().defaultIfEmpty(new byte[0]))
          .block(Duration.ofSeconds(10));
    }
  }
}
