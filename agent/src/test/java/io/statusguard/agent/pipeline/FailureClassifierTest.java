package io.statusguard.agent.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.event.ErrorType;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {
  @Test
  void timeouts() {
    assertThat(FailureClassifier.classify(new HttpTimeoutException("request timed out")))
        .isEqualTo(ErrorType.TIMEOUT);
    assertThat(FailureClassifier.classify(new HttpConnectTimeoutException("connect timed out")))
        .isEqualTo(ErrorType.TIMEOUT);
    assertThat(FailureClassifier.classify(new SocketTimeoutException("Read timed out")))
        .isEqualTo(ErrorType.TIMEOUT);
  }

  @Test
  void timeoutsOfLibrariesThatDoNotBuildOnJavaNet() {
    // Jetty's total and idle timeouts.
    assertThat(FailureClassifier.classify(new TimeoutException("Total timeout 500 ms elapsed")))
        .isEqualTo(ErrorType.TIMEOUT);
    assertThat(FailureClassifier.classify(new ReadTimeoutException()))
        .isEqualTo(ErrorType.TIMEOUT);
    assertThat(FailureClassifier.classify(new IdleStateTimeout()))
        .isEqualTo(ErrorType.TIMEOUT);
    assertThat(FailureClassifier.classify(new ConnectTimeoutException("connection timed out")))
        .isEqualTo(ErrorType.TIMEOUT);
  }

  @Test
  void connectFailures() {
    assertThat(FailureClassifier.classify(new ConnectException("Connection refused")))
        .isEqualTo(ErrorType.CONNECT);
    assertThat(FailureClassifier.classify(new UnknownHostException("nowhere.invalid")))
        .isEqualTo(ErrorType.CONNECT);
  }

  @Test
  void tlsFailures() {
    assertThat(FailureClassifier.classify(new SSLHandshakeException("PKIX path building failed")))
        .isEqualTo(ErrorType.TLS);
  }

  @Test
  void looksThroughCompletionWrappers() {
    Throwable wrapped = new CompletionException(new ExecutionException(
        new ConnectException("Connection refused")));

    assertThat(FailureClassifier.classify(wrapped)).isEqualTo(ErrorType.CONNECT);
  }

  @Test
  void findsAKnownCauseBehindAPlainIoException() {
    IOException failure = new IOException("send failed", new SocketTimeoutException("timed out"));

    assertThat(FailureClassifier.classify(failure)).isEqualTo(ErrorType.TIMEOUT);
  }

  @Test
  void otherIoFailuresAreIo() {
    assertThat(FailureClassifier.classify(new IOException("connection reset")))
        .isEqualTo(ErrorType.IO);
    assertThat(FailureClassifier.classify(new CompletionException(new FileNotFoundException())))
        .isEqualTo(ErrorType.IO);
  }

  @Test
  void everythingElseIsOther() {
    assertThat(FailureClassifier.classify(new CancellationException())).isEqualTo(ErrorType.OTHER);
    assertThat(FailureClassifier.classify(new IllegalStateException())).isEqualTo(ErrorType.OTHER);
    assertThat(FailureClassifier.classify(null)).isEqualTo(ErrorType.OTHER);
  }

  /** Shaped like Netty's read timeout: no JDK timeout type, only the name says what it is. */
  private static class ReadTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  private static final class IdleStateTimeout extends ReadTimeoutException {
    private static final long serialVersionUID = 1L;
  }

  /** Shaped like Netty's connect timeout, which is a {@link ConnectException}. */
  private static final class ConnectTimeoutException extends ConnectException {
    private static final long serialVersionUID = 1L;

    ConnectTimeoutException(String message) {
      super(message);
    }
  }
}
