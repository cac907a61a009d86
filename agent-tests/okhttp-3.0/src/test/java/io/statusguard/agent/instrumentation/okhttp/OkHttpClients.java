package io.statusguard.agent.instrumentation.okhttp;

import static io.statusguard.agent.testsupport.ScenarioApp.SECRET_TOKEN;
import static io.statusguard.agent.testsupport.ScenarioApp.TIMEOUT;

import io.statusguard.agent.testsupport.ScenarioClient;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * OkHttp as scenario clients: {@code sync} ({@code Call.execute()}) and {@code async}
 * ({@code Call.enqueue()}, awaited). Uses only API that OkHttp 3.4 to 5.x all have, so that one
 * source serves every version module.
 */
final class OkHttpClients {
  private static final long AWAIT_SECONDS = 60;

  private OkHttpClients() {}

  static ScenarioClient create(String mode, SSLContext tls) {
    OkHttpClient client = new OkHttpClient.Builder()
        .connectTimeout(5, TimeUnit.SECONDS)
        .sslSocketFactory(tls.getSocketFactory(), systemTrustManager())
        .build();
    return switch (mode) {
      case "sync" -> new Sync(client);
      case "async" -> new Async(client);
      default -> throw new IllegalArgumentException("unknown mode " + mode);
    };
  }

  /**
   * OkHttp wants a trust manager beside the socket factory, for certificate pinning only: the
   * handshake trusts what the factory's context trusts.
   */
  private static X509TrustManager systemTrustManager() {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          return x509;
        }
      }
      throw new IllegalStateException("no X509TrustManager");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Calls the way most applications do: {@code execute()}, then read and close the body. */
  private static class Sync implements ScenarioClient {
    final OkHttpClient client;

    Sync(OkHttpClient client) {
      this.client = client;
    }

    static Request.Builder request(String url) {
      return new Request.Builder().url(url).header("Authorization", "Bearer " + SECRET_TOKEN);
    }

    // RequestBody.create(MediaType, String) is the one form OkHttp 3 has; 4 and 5 deprecate it.
    @SuppressWarnings("deprecation")
    static Request postRequest(String url, String json) {
      return request(url)
          .post(RequestBody.create(MediaType.parse("application/json"), json))
          .build();
    }

    static String describe(Response response) throws IOException {
      try (response) {
        return response.code() + " " + response.body().string().length() + " bytes";
      }
    }

    /** Reads a response's body as {@link ScenarioClient#exchange} says, and closes the response. */
    static ResponseReader reading(int readLimit) {
      return response -> {
        try (response) {
          return ScenarioClient.describeRead(response.code(),
              readLimit == READ_NONE ? null : response.body().byteStream(), readLimit);
        }
      };
    }

    String call(OkHttpClient caller, Request request) throws Exception {
      return call(caller, request, Sync::describe);
    }

    String call(OkHttpClient caller, Request request, ResponseReader reader) throws Exception {
      return reader.read(caller.newCall(request).execute());
    }

    @Override
    public String get(String url) throws Exception {
      return call(client, request(url).build());
    }

    @Override
    public String post(String url, String json) throws Exception {
      return call(client, postRequest(url, json));
    }

    @Override
    public String getWithTimeout(String url) throws Exception {
      OkHttpClient impatient =
          client.newBuilder().readTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).build();
      return call(impatient, request(url).build());
    }

    // RequestBody.create(MediaType, String) is the one form OkHttp 3 has; 4 and 5 deprecate it.
    @SuppressWarnings("deprecation")
    @Override
    public String exchange(String method, String url, String json, int readLimit)
        throws Exception {
      RequestBody body =
          json == null ? null : RequestBody.create(MediaType.parse("application/json"), json);
      return call(client, request(url).method(method, body).build(), reading(readLimit));
    }

    /** Stops the dispatcher's threads, which are not daemons in OkHttp 3 and linger a minute. */
    @Override
    public void close() {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  /** Enqueues each call and waits for its callback, which reads the body on OkHttp's thread. */
  private static final class Async extends Sync {
    Async(OkHttpClient client) {
      super(client);
    }

    @Override
    String call(OkHttpClient caller, Request request, ResponseReader reader) throws Exception {
      CompletableFuture<String> outcome = new CompletableFuture<>();
      caller.newCall(request).enqueue(new Callback() {
        @Override
        public void onFailure(Call call, IOException e) {
          outcome.complete("failed with " + e.getClass().getSimpleName());
        }

        @Override
        public void onResponse(Call call, Response response) throws IOException {
          outcome.complete(reader.read(response));
        }
      });
      return outcome.get(AWAIT_SECONDS, TimeUnit.SECONDS);
    }
  }

  /** What the application does with a response: reads (some of) its body, closes it, describes it. */
  private interface ResponseReader {
    String read(Response response) throws IOException;
  }
}
