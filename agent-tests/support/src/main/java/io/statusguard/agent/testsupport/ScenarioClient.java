package io.statusguard.agent.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One way of making requests with one HTTP client library, for {@link ScenarioApp}. Each method
 * makes one call, with the header {@code Authorization: Bearer} {@link ScenarioApp#SECRET_TOKEN},
 * following redirects, and describes its outcome as {@code "<status> <n> bytes"} (plus whatever the
 * client adds); a failure is thrown, or described, as the application would see it. {@link
 * ScenarioApp} closes each client it made once its scenarios are done, so that threads the client
 * started (OkHttp's dispatcher, say) do not keep the JVM alive.
 */
public interface ScenarioClient extends AutoCloseable {
  /** For {@link #exchange}: read the body to its end. */
  int READ_ALL = -1;
  /** For {@link #exchange}: leave the body unread, and release the response the cheapest way. */
  int READ_NONE = 0;

  String get(String url) throws Exception;

  /** Posts {@code json} with {@code Content-Type: application/json}. */
  String post(String url, String json) throws Exception;

  /** Like {@link #get}, with a read (or response) timeout of {@link ScenarioApp#TIMEOUT}. */
  String getWithTimeout(String url) throws Exception;

  /**
   * Sends {@code method} to {@code url} (with {@code json} as the body when not null), then reads the
   * response body from the library's own stream the way an application would: {@link #READ_ALL},
   * the first {@code readLimit} bytes and then closes it, or none ({@link #READ_NONE}: the body is
   * not touched, and the response released without reading when the library allows it). Every
   * status is a result; describes it with {@link #describeRead}. Families whose integration test
   * runs the error-body scenarios implement it.
   */
  default String exchange(String method, String url, String json, int readLimit)
      throws Exception {
    throw new UnsupportedOperationException("no error-body scenarios for this client");
  }

  /**
   * Reads {@code readLimit} bytes of {@code body} (all of them when negative, none when 0; a null body
   * has none) and describes what was read: {@code "<status> read=<n> sha256=<hex>"}, so that a run
   * with the agent can be compared byte for byte with one without it. Does not close {@code body}.
   */
  static String describeRead(int status, InputStream body, int readLimit) throws IOException {
    byte[] read = body == null || readLimit == 0 ? new byte[0]
        : readLimit < 0 ? body.readAllBytes() : body.readNBytes(readLimit);
    try {
      return status + " read=" + read.length + " sha256="
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(read));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Releases what the client holds; by default nothing. Not {@code throws Exception}: a close that
   * could throw {@link InterruptedException} is what javac's {@code try} lint warns about.
   */
  @Override
  default void close() throws IOException {}
}
