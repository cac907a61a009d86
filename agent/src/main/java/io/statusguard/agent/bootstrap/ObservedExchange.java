package io.statusguard.agent.bootstrap;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * One exchange of the JDK HTTP client as the agent sees it: the object {@link
 * ResponseSink#onExchange} hands the client as the exchange's body handler, in place of the
 * application's. Bootstrap types cannot name {@code java.net.http} types, so the advice in the client
 * reaches it through this interface. Implementations never throw.
 *
 * <p>This type is injected into the bootstrap class loader and may reference JDK types only.
 */
public interface ObservedExchange {
  /** The client returned {@code response}, the future the exchange completes. */
  void started(CompletableFuture<?> response);

  /**
   * The head of the exchange's final response (the one the application gets) has arrived, before
   * the client asks for its body's subscriber. It answers {@code method} {@code uri}, after any
   * redirect not necessarily the request the exchange started with; {@code previousResponse} is the
   * {@code java.net.http.HttpResponse} that came before it (a redirect or an authentication
   * challenge, whose {@code previousResponse()} leads further back), or null.
   */
  void finalResponse(String method, URI uri, Object previousResponse);
}
