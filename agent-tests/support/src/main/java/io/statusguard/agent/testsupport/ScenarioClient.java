package io.statusguard.agent.testsupport;

import java.io.IOException;

/**
 * One way of making requests with one HTTP client library, for {@link ScenarioApp}. Each method
 * makes one call, with the header {@code Authorization: Bearer} {@link ScenarioApp#SECRET_TOKEN},
 * following redirects, and describes its outcome as {@code "<status> <n> bytes"} (plus whatever the
 * client adds); a failure is thrown, or described, as the application would see it. {@link
 * ScenarioApp} closes each client it made once its scenarios are done, so that threads the client
 * started (OkHttp's dispatcher, say) do not keep the JVM alive.
 */
public interface ScenarioClient extends AutoCloseable {
  String get(String url) throws Exception;

  /** Posts {@code json} with {@code Content-Type: application/json}. */
  String post(String url, String json) throws Exception;

  /** Like {@link #get}, with a read (or response) timeout of {@link ScenarioApp#TIMEOUT}. */
  String getWithTimeout(String url) throws Exception;

  /**
   * Releases what the client holds; by default nothing. Not {@code throws Exception}: a close that
   * could throw {@link InterruptedException} is what javac's {@code try} lint warns about.
   */
  @Override
  default void close() throws IOException {}
}
