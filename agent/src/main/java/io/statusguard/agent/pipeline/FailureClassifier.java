package io.statusguard.agent.pipeline;

import io.statusguard.event.ErrorType;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Tells why an attempt got no response, from what the client threw. Wrappers such as
 * {@link CompletionException} are looked through; the first cause with a known meaning wins. Stateless.
 */
final class FailureClassifier {
  /** Deeper cause chains are not followed. */
  private static final int MAX_CAUSES = 8;

  private FailureClassifier() {}

  static ErrorType classify(Throwable failure) {
    Throwable root = null;
    Throwable cause = failure;
    for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
      if (cause instanceof CompletionException || cause instanceof ExecutionException) {
        continue;
      }
      if (root == null) {
        root = cause;
      }
      ErrorType known = known(cause);
      if (known != null) {
        return known;
      }
    }
    return root instanceof IOException ? ErrorType.IO : ErrorType.OTHER;
  }

  private static ErrorType known(Throwable t) {
    // HttpConnectTimeoutException is an HttpTimeoutException.
    if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException
        || t instanceof TimeoutException || namedAsTimeout(t)) {
      return ErrorType.TIMEOUT;
    }
    if (t instanceof ConnectException || t instanceof NoRouteToHostException
        || t instanceof UnknownHostException || t instanceof PortUnreachableException) {
      return ErrorType.CONNECT;
    }
    if (t instanceof SSLException) {
      return ErrorType.TLS;
    }
    return null;
  }

  /**
   * Whether {@code t} or a superclass is a {@code ...TimeoutException}: Netty's read, write and
   * connect timeouts, for one, extend no JDK timeout type (its connect timeout is a
   * {@link ConnectException}), but they say what they are in their names.
   */
  private static boolean namedAsTimeout(Throwable t) {
    for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
      if (type.getName().endsWith("TimeoutException")) {
        return true;
      }
    }
    return false;
  }
}
