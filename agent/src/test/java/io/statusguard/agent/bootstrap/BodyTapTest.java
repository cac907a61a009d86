package io.statusguard.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BodyTapTest {
  private final List<BodyTap> ended = new ArrayList<>();

  private BodyTap newTap() {
    return BodyTap.create(ResponseObservation.ofHttpClient("GET", URI.create("http://h/"), 404, null,
        0, 1, "application/json"), null, ended::add);
  }

  @Test
  void applicationReadsExactlyTheBytesItWouldReadWithoutTheTap() throws IOException {
    byte[] body = randomBytes(20_000);
    BodyTap tap = newTap();

    byte[] read = BodyTap.tee(new ByteArrayInputStream(body), tap).readAllBytes();

    assertThat(read).isEqualTo(body);
    assertThat(tap.capturedBytes()).isEqualTo(Arrays.copyOf(body, BodyTap.MAX_CAPTURED_BYTES));
    assertThat(tap.reachedEndOfBody()).isTrue();
    assertThat(ended).containsExactly(tap);
  }

  @Test
  void capturesOnlyWhatTheApplicationReadAndEndsOnClose() throws IOException {
    byte[] body = "{\"SC\":404,\"EC\":\"3C463000\",\"EM\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8);
    BodyTap tap = newTap();
    byte[] firstTen = new byte[10];

    try (InputStream in = BodyTap.tee(new ByteArrayInputStream(body), tap)) {
      assertThat(in.read(firstTen)).isEqualTo(10);
      assertThat(in.read()).isEqualTo(body[10]);
      assertThat(ended).isEmpty();
    }

    assertThat(tap.capturedBytes()).isEqualTo(Arrays.copyOf(body, 11));
    assertThat(tap.reachedEndOfBody()).isFalse();
    assertThat(ended).containsExactly(tap);
  }

  @Test
  void aReReadAfterResetIsNotCapturedTwice() throws IOException {
    byte[] body = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    BodyTap tap = newTap();
    InputStream in = BodyTap.tee(new BufferedInputStream(new ByteArrayInputStream(body)), tap);

    in.mark(100);
    in.readNBytes(6);
    in.reset();
    byte[] all = in.readAllBytes();

    assertThat(all).isEqualTo(body);
    assertThat(tap.capturedBytes()).isEqualTo(body);
  }

  @Test
  void stopsCapturingAtASkipBecauseTheApplicationNeverSawTheSkippedBytes() throws IOException {
    byte[] body = "0123456789".getBytes(StandardCharsets.US_ASCII);
    BodyTap tap = newTap();
    InputStream in = BodyTap.tee(new ByteArrayInputStream(body), tap);

    in.readNBytes(3);
    in.skip(2);
    in.readAllBytes();

    assertThat(tap.capturedBytes()).isEqualTo("012".getBytes(StandardCharsets.US_ASCII));
    assertThat(tap.hasGap()).isTrue();
  }

  @Test
  void copiesByteBuffersWithoutMovingThem() {
    BodyTap tap = newTap();
    ByteBuffer chunk = ByteBuffer.wrap("xx{\"EM\":\"Limits Lock\"}".getBytes(StandardCharsets.UTF_8));
    chunk.position(2);

    tap.bytes(chunk);
    tap.bytes(ByteBuffer.allocateDirect(BodyTap.MAX_CAPTURED_BYTES));

    assertThat(chunk.position()).isEqualTo(2);
    assertThat(new String(tap.capturedBytes(), 0, 20, StandardCharsets.UTF_8))
        .isEqualTo("{\"EM\":\"Limits Lock\"}");
    assertThat(tap.capturedBytes()).hasSize(BodyTap.MAX_CAPTURED_BYTES);
  }

  @Test
  void endsOnceWhicheverSideEndsItFirst() {
    BodyTap tap = newTap();

    tap.end();
    tap.endOfBody();
    tap.bytes(new byte[] {1, 2}, 0, 2);

    assertThat(ended).containsExactly(tap);
    assertThat(tap.capturedBytes()).isEmpty();
  }

  @Test
  void neverThrowsWhenTheAgentSideFails() {
    BodyTap tap = BodyTap.create(ResponseObservation.ofHttpClient("GET", URI.create("http://h/"), 500,
        null, 0, 1, null), null, t -> {
          throw new IllegalStateException("agent bug");
        });

    tap.end();

    assertThat(tap.isEnded()).isTrue();
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    new Random(42).nextBytes(bytes);
    return bytes;
  }
}
