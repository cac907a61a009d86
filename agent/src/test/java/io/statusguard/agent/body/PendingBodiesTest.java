package io.statusguard.agent.body;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.agent.bootstrap.BodyTap;
import io.statusguard.agent.bootstrap.ResponseObservation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PendingBodiesTest {
  private static final long WAIT_MS = 2000;

  private final List<ResponseObservation> reported = new ArrayList<>();
  private final AtomicLong nanos = new AtomicLong(1_000);

  private static ResponseObservation notFound() {
    return ResponseObservation.ofHttpClient("GET", URI.create("http://provider/v1/x"), 404, null, 0,
        1, "application/json");
  }

  @Test
  void aBodyReadToItsEndReportsItsObservationWithTheTap() throws IOException {
    PendingBodies pending = PendingBodies.create(4, WAIT_MS, nanos::get, reported::add);
    ResponseObservation observation = notFound();
    byte[] body = "{\"SC\":404}".getBytes(StandardCharsets.UTF_8);

    BodyTap tap = pending.open(observation, null);
    assertThat(pending.openCount()).isEqualTo(1);
    assertThat(reported).isEmpty();
    BodyTap.tee(new ByteArrayInputStream(body), tap).readAllBytes();

    assertThat(reported).hasSize(1);
    ResponseObservation withBody = reported.get(0);
    assertThat(withBody.body()).isSameAs(tap);
    assertThat(withBody.body().capturedBytes()).isEqualTo(body);
    assertThat(withBody.status()).isEqualTo(404);
    assertThat(withBody.timeUnixMs()).isEqualTo(observation.timeUnixMs());
    assertThat(pending.openCount()).isZero();
  }

  @Test
  void aBodyNobodyReadsIsReportedOnceItsWaitIsOver() {
    PendingBodies pending = PendingBodies.create(4, WAIT_MS, nanos::get, reported::add);
    BodyTap tap = pending.open(notFound(), null);

    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(WAIT_MS) - 1);
    pending.endOverdue();
    assertThat(reported).isEmpty();

    nanos.addAndGet(1);
    pending.endOverdue();
    assertThat(reported).hasSize(1);
    assertThat(reported.get(0).body()).isSameAs(tap);
    assertThat(tap.capturedBytes()).isEmpty();
    assertThat(pending.openCount()).isZero();
  }

  @Test
  void aBodyStillBeingReadWhenItsWaitEndsKeepsWhatWasReadAndTheApplicationReadsOn()
      throws IOException {
    PendingBodies pending = PendingBodies.create(4, WAIT_MS, nanos::get, reported::add);
    byte[] body = "0123456789".getBytes(StandardCharsets.US_ASCII);
    InputStream in = BodyTap.tee(new ByteArrayInputStream(body), pending.open(notFound(), null));

    byte[] first = in.readNBytes(4);
    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(WAIT_MS));
    pending.endOverdue();
    byte[] rest = in.readAllBytes();
    in.close();

    assertThat(first).hasSize(4);
    assertThat(rest).hasSize(6);
    assertThat(reported).hasSize(1);
    assertThat(reported.get(0).body().capturedBytes()).isEqualTo(first);
  }

  @Test
  void aFullTableReportsTheResponseWithoutItsBodyAndCountsIt() {
    PendingBodies pending = PendingBodies.create(2, WAIT_MS, nanos::get, reported::add);
    BodyTap first = pending.open(notFound(), null);
    BodyTap second = pending.open(notFound(), null);
    ResponseObservation third = notFound();

    assertThat(pending.open(third, null)).isNull();

    assertThat(reported).containsExactly(third);
    assertThat(pending.overflowCount()).isEqualTo(1);
    first.end();
    assertThat(pending.open(notFound(), null)).isNotNull();
    second.end();
    assertThat(pending.openCount()).isEqualTo(1);
  }

  @Test
  void endAllReportsEveryOpenBody() {
    PendingBodies pending = PendingBodies.create(8, WAIT_MS, nanos::get, reported::add);
    for (int i = 0; i < 5; i++) {
      pending.open(notFound(), null);
    }

    pending.endAll();

    assertThat(reported).hasSize(5).allSatisfy(observation -> assertThat(observation.body()).isNotNull());
    assertThat(pending.openCount()).isZero();
  }

  @Test
  void rejectsACapacityThatIsNoPowerOfTwo() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> PendingBodies.create(3, WAIT_MS, nanos::get, reported::add));
  }

  @Test
  void concurrentOpensEndsAndSweepsReportEachBodyExactlyOnce() throws Exception {
    ConcurrentLinkedQueue<ResponseObservation> seen = new ConcurrentLinkedQueue<>();
    PendingBodies pending = PendingBodies.create(64, 0, System::nanoTime, seen::add);
    int threads = 4;
    int perThread = 5_000;
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    CountDownLatch done = new CountDownLatch(threads);
    try {
      for (int t = 0; t < threads; t++) {
        executor.execute(() -> {
          try {
            for (int i = 0; i < perThread; i++) {
              BodyTap tap = pending.open(notFound(), null);
              if (tap != null && (i & 1) == 0) {
                tap.end();
              }
            }
          } finally {
            done.countDown();
          }
        });
      }
      while (!done.await(1, TimeUnit.MILLISECONDS)) {
        pending.endOverdue();
      }
      pending.endAll();
    } finally {
      executor.shutdownNow();
    }

    assertThat(seen).hasSize(threads * perThread);
    assertThat(pending.openCount()).isZero();
  }
}
