package io.statusguard.agent.instrumentation.jdkhttp;

import io.statusguard.agent.bootstrap.BodyTap;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * The application's body subscriber behind a tap: the tap copies each buffer (without moving its
 * position) just before the application's subscriber gets it, and the body's completion, failure or
 * cancellation ends the tap. Everything else passes through unchanged; only tapped (error) bodies get
 * one.
 *
 * <p>The client calls {@code onSubscribe}, {@code onNext}, {@code onError} and {@code onComplete}
 * serially (the {@link Flow} contract); the subscription may be cancelled from any thread, and {@link
 * BodyTap} is thread-safe.
 */
final class TappedBodySubscriber<T> implements BodySubscriber<T> {
  private final BodySubscriber<T> application;
  private final BodyTap tap;

  TappedBodySubscriber(BodySubscriber<T> application, BodyTap tap) {
    this.application = application;
    this.tap = tap;
  }

  @Override
  public CompletionStage<T> getBody() {
    return application.getBody();
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    application.onSubscribe(subscription == null ? null : new TappedSubscription(subscription, tap));
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    // Before the application's subscriber, which may consume the buffers as it receives them.
    if (buffers != null) {
      for (ByteBuffer buffer : buffers) {
        tap.bytes(buffer);
      }
    }
    application.onNext(buffers);
  }

  // The tap ends before the application's subscriber hears of the end, which may complete the
  // application's future: by then the response has been handed to the agent.
  @Override
  public void onError(Throwable failure) {
    tap.end();
    application.onError(failure);
  }

  @Override
  public void onComplete() {
    tap.endOfBody();
    application.onComplete();
  }

  /** The client's subscription, whose cancellation (e.g. closing an unread body stream) ends the tap. */
  private static final class TappedSubscription implements Flow.Subscription {
    private final Flow.Subscription client;
    private final BodyTap tap;

    TappedSubscription(Flow.Subscription client, BodyTap tap) {
      this.client = client;
      this.tap = tap;
    }

    @Override
    public void request(long n) {
      client.request(n);
    }

    @Override
    public void cancel() {
      try {
        client.cancel();
      } finally {
        tap.end();
      }
    }
  }
}
