package io.statusguard.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
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
  void nullsAreIgnored() {
    AttachedTaps.attach(null, newTap());
    AttachedTaps.attach(newCarrier(), null);

    assertThat(AttachedTaps.find(null)).isNull();
    assertThat(AttachedTaps.detach(null)).isNull();
    assertThat(ended).isEmpty();
  }
}
