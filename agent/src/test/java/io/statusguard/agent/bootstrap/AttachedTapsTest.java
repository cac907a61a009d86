package io.statusguard.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AttachedTapsTest {
  private final List<BodyTap> ended = new CopyOnWriteArrayList<>();
  private final List<Object> carriers = new ArrayList<>();

  private BodyTap newTap() {
    return BodyTap.create(ResponseObservation.ofHttpClient("GET", URI.create("http://h/"), 404, null,
        0, 1, "application/json"), null, ended::add);
  }

  private Object newCarrier() {
    Object carrier = new Object();
    carriers.add(carrier);
    return carrier;
  }

  /** {@code count} new carriers whose identity hashes name one home slot. */
  private List<Object> carriersSharingAHomeSlot(int count) {
    Map<Integer, List<Object>> bySlot = new HashMap<>();
    while (true) {
      Object carrier = newCarrier();
      List<Object> sharing =
          bySlot.computeIfAbsent(AttachedTaps.homeSlot(carrier), slot -> new ArrayList<>());
      sharing.add(carrier);
      if (sharing.size() == count) {
        return sharing;
      }
    }
  }

  @AfterEach
  void detachAll() {
    carriers.forEach(AttachedTaps::detach);
  }

  @Test
  void aTapIsFoundThroughItsCarrierUntilDetached() {
    Object carrier = newCarrier();
    BodyTap tap = newTap();

    AttachedTaps.attach(carrier, tap);

    assertThat(AttachedTaps.find(carrier)).isSameAs(tap);
    assertThat(AttachedTaps.find(newCarrier())).isNull();
    assertThat(AttachedTaps.detach(carrier)).isSameAs(tap);
    assertThat(AttachedTaps.find(carrier)).isNull();
    assertThat(ended).isEmpty();
  }

  @Test
  void anEndedTapIsNoLongerFoundAndItsSlotIsFreed() {
    int before = AttachedTaps.attached();
    Object carrier = newCarrier();
    BodyTap tap = newTap();
    AttachedTaps.attach(carrier, tap);

    tap.end();

    assertThat(AttachedTaps.find(carrier)).isNull();
    assertThat(AttachedTaps.detach(carrier)).isNull();
    assertThat(AttachedTaps.attached()).isEqualTo(before);
    assertThat(AttachedTaps.isEmpty()).isEqualTo(before == 0);
  }

  @Test
  void aNewTapOnTheSameCarrierEndsTheOneBefore() {
    Object carrier = newCarrier();
    BodyTap first = newTap();
    BodyTap second = newTap();

    AttachedTaps.attach(carrier, first);
    AttachedTaps.attach(carrier, first);
    assertThat(ended).isEmpty();
    AttachedTaps.attach(carrier, second);

    assertThat(ended).containsExactly(first);
    assertThat(AttachedTaps.find(carrier)).isSameAs(second);
  }

  @Test
  void aTapWithoutRoomEndsAtOnceAndTheTableStaysBounded() {
    List<BodyTap> taps = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      BodyTap tap = newTap();
      taps.add(tap);
      AttachedTaps.attach(newCarrier(), tap);
    }

    long open = taps.stream().filter(tap -> !tap.isEnded()).count();
    assertThat(open).isPositive().isLessThanOrEqualTo(1024);
    assertThat(ended).hasSize(taps.size() - (int) open);
    assertThat(AttachedTaps.attached()).isLessThanOrEqualTo(1024);
  }

  @Test
  void aTapOnTwoCarriersThatShareAHomeSlotIsFoundThroughBoth() {
    List<Object> sharing = carriersSharingAHomeSlot(2);
    Object handler = sharing.get(0);
    Object decoder = sharing.get(1);
    BodyTap tap = newTap();
    long refused = AttachedTaps.refusedCount();

    AttachedTaps.attach(handler, tap);
    AttachedTaps.attach(decoder, tap);

    assertThat(ended).isEmpty();
    assertThat(AttachedTaps.find(handler)).isSameAs(tap);
    assertThat(AttachedTaps.find(decoder)).isSameAs(tap);
    assertThat(AttachedTaps.detach(decoder)).isSameAs(tap);
    assertThat(AttachedTaps.find(handler)).isSameAs(tap);
    assertThat(AttachedTaps.refusedCount()).isEqualTo(refused);
  }

  @Test
  void carriersSharingAHomeSlotAreRefusedAndCountedOnlyOnceItsProbesAreFull() {
    List<Object> sharing = carriersSharingAHomeSlot(AttachedTaps.PROBES + 1);
    List<BodyTap> taps = new ArrayList<>();
    long refused = AttachedTaps.refusedCount();

    for (Object carrier : sharing) {
      BodyTap tap = newTap();
      taps.add(tap);
      AttachedTaps.attach(carrier, tap);
    }

    BodyTap last = taps.get(AttachedTaps.PROBES);
    assertThat(ended).containsExactly(last);
    assertThat(AttachedTaps.refusedCount()).isEqualTo(refused + 1);
    for (int i = 0; i < AttachedTaps.PROBES; i++) {
      assertThat(AttachedTaps.find(sharing.get(i))).isSameAs(taps.get(i));
    }

    // A slot freed by an ended tap is the next carrier's.
    taps.get(3).end();
    BodyTap again = newTap();
    AttachedTaps.attach(sharing.get(AttachedTaps.PROBES), again);
    assertThat(AttachedTaps.find(sharing.get(AttachedTaps.PROBES))).isSameAs(again);
    assertThat(again.isEnded()).isFalse();
  }

  @Test
  void threadsAttachingCarriersThatShareAHomeSlotNeverEndEachOthersTaps() throws Exception {
    int threads = 2;
    List<Object> sharing = carriersSharingAHomeSlot(2 * threads);
    long refused = AttachedTaps.refusedCount();
    List<Thread> workers = new ArrayList<>();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    for (int t = 0; t < threads; t++) {
      Object handler = sharing.get(2 * t);
      Object decoder = sharing.get(2 * t + 1);
      Thread worker = new Thread(() -> {
        try {
          for (int i = 0; i < 50_000; i++) {
            BodyTap tap = newTap();
            AttachedTaps.attach(handler, tap);
            AttachedTaps.attach(decoder, tap);
            assertThat(AttachedTaps.find(decoder)).isSameAs(tap);
            assertThat(AttachedTaps.detach(decoder)).isSameAs(tap);
            assertThat(AttachedTaps.detach(handler)).isSameAs(tap);
          }
        } catch (Throwable failure) {
          failures.add(failure);
        }
      });
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }

    assertThat(failures).isEmpty();
    assertThat(ended).isEmpty();
    assertThat(AttachedTaps.refusedCount()).isEqualTo(refused);
  }

  @Test
  void nullsAreIgnored() {
    AttachedTaps.attach(null, newTap());
    AttachedTaps.attach(newCarrier(), null);

    assertThat(AttachedTaps.find(null)).isNull();
    assertThat(AttachedTaps.detach(null)).isNull();
    assertThat(ended).isEmpty();
  }
}
