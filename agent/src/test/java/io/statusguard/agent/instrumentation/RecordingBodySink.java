package io.statusguard.agent.instrumentation;

import io.statusguard.agent.bootstrap.BodyTap;
import io.statusguard.agent.bootstrap.ResponseObservation;
import io.statusguard.agent.bootstrap.ResponseSink;
import io.statusguard.agent.instrumentation.jdkhttp.HttpClientExchange;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A sink that records what it is told and taps every body of status 207 or 400 and above, as the
 * agent's sink does for a profiled host, and observes JDK HttpClient exchanges as the agent does. An observation counts as reported when it is passed on
 * without a tap, or when its tap ends. Thread-safe.
 */
public class RecordingBodySink implements ResponseSink {
  private final List<ResponseObservation> reported = new CopyOnWriteArrayList<>();
  private final List<BodyTap> taps = new CopyOnWriteArrayList<>();

  @Override
  public void onResponse(ResponseObservation observation) {
    reported.add(observation);
  }

  @Override
  public Object onExchange(String method, URI uri, Object bodyHandler, long startNanos) {
    return HttpClientExchange.observe(method, uri, bodyHandler, startNanos, this);
  }

  @Override
  public BodyTap onResponseBody(ResponseObservation observation, String contentEncoding) {
    if (!BodyTap.mayCapture(observation.status())) {
      reported.add(observation);
      return null;
    }
    BodyTap tap = BodyTap.create(observation, contentEncoding,
        ended -> reported.add(ended.observation()));
    taps.add(tap);
    return tap;
  }

  /** What has been reported so far, in order. */
  public List<ResponseObservation> reported() {
    return reported;
  }

  public List<BodyTap> taps() {
    return taps;
  }

  /** The only tap opened so far. */
  public BodyTap onlyTap() {
    if (taps.size() != 1) {
      throw new AssertionError("expected one tap, got " + taps.size());
    }
    return taps.get(0);
  }

  /** Waits up to ten seconds for {@code count} reported observations, and returns them all. */
  public List<ResponseObservation> awaitReported(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (reported.size() < count && System.nanoTime() - deadline < 0) {
      Thread.sleep(5);
    }
    return reported;
  }
}
