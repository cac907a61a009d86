package io.statusguard.agent.instrumentation.jdkhttp;

import io.statusguard.agent.bootstrap.ObservedExchange;
import java.net.http.HttpRequest;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code jdk.internal.net.http.MultiExchange.responseFilters}: when no filter asks for
 * another request, the response is the exchange's final one, and the exchange the agent observes
 * (the multi-exchange's body handler) learns which request it answers and which responses came
 * before it. Exchanges that are not the agent's cost one type check.
 *
 * <p>Inlined code runs in the platform class loader: it may touch JDK and bootstrap types only.
 */
final class FinalResponseAdvice {
  private FinalResponseAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(
      @Advice.Return Object nextRequest,
      @Advice.FieldValue("responseHandler") Object bodyHandler,
      @Advice.FieldValue("currentreq") HttpRequest request,
      @Advice.FieldValue("response") Object previousResponse) {
    if (nextRequest == null && bodyHandler instanceof ObservedExchange) {
      ((ObservedExchange) bodyHandler).finalResponse(request.method(), request.uri(),
          previousResponse);
    }
  }
}
