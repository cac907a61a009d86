package io.statusguard.agent.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgentCountersTest {
  private final AgentCounters counters = new AgentCounters();

  @Test
  void summarisesInTheFormatEndToEndTestsParse() {
    for (int i = 0; i < 10; i++) {
      counters.recordSeen();
    }
    for (int i = 0; i < 6; i++) {
      counters.recordSent();
    }
    counters.recordDropped(DropReason.QUEUE_FULL);
    counters.recordSendFailure();
    counters.recordDropped(DropReason.ENCODE_FAILED);

    assertThat(counters.stoppedLine()).isEqualTo("[statusguard] agent stopped: seen=10 sent=6"
        + " dropped=4 (queue_full=1 send_failed=2 encode_failed=1)");
  }

  @Test
  void reportsWhatIsStillOutstandingAsSendFailed() {
    counters.recordSeen();
    counters.recordSeen();
    counters.recordSent();

    assertThat(counters.outstanding()).isEqualTo(1);
    assertThat(counters.stoppedLine()).isEqualTo("[statusguard] agent stopped: seen=2 sent=1"
        + " dropped=1 (queue_full=0 send_failed=1 encode_failed=0)");
  }

  @Test
  void aSampledOutSuccessIsNeitherOutstandingNorDropped() {
    counters.recordSeen();
    counters.recordSeen();
    counters.recordSent();
    counters.recordSampledOut();

    assertThat(counters.outstanding()).isZero();
    assertThat(counters.droppedTotal()).isZero();
    assertThat(counters.stoppedLine()).isEqualTo("[statusguard] agent stopped: seen=2 sent=1"
        + " dropped=0 (queue_full=0 send_failed=0 encode_failed=0) sampled_out=1");
  }

  @Test
  void reportsTheTemplateOverflowsOfItsSource() {
    assertThat(counters.templateOverflows()).isZero();

    counters.reportTemplateOverflows(() -> 7);

    assertThat(counters.templateOverflows()).isEqualTo(7);
  }

  @Test
  void reportsTheErrorBodiesItsSourceCouldNotCapture() {
    assertThat(counters.bodiesNotCaptured()).isZero();

    counters.reportBodiesNotCaptured(() -> 3);

    assertThat(counters.bodiesNotCaptured()).isEqualTo(3);
  }

  @Test
  void aSendFailureIsADrop() {
    counters.recordSeen();
    counters.recordSendFailure();

    assertThat(counters.sendFailures()).isEqualTo(1);
    assertThat(counters.dropped(DropReason.SEND_FAILED)).isEqualTo(1);
    assertThat(counters.outstanding()).isZero();
  }
}
