package io.statusguard.agent.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.agent.bootstrap.ResponseObservation;
import io.statusguard.agent.config.AgentConfig;
import io.statusguard.agent.config.InvalidConfigException;
import io.statusguard.agent.pipeline.AgentCounters;
import io.statusguard.agent.pipeline.ObservationQueue;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AgentHealthTest {
  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(printed, true, StandardCharsets.UTF_8);
  private final AgentCounters counters = new AgentCounters();
  private final AtomicBoolean failing = new AtomicBoolean();
  private AgentHealth health;

  @AfterEach
  void unregister() {
    if (health != null) {
      health.unregister();
    }
  }

  private AgentHealth health() throws InvalidConfigException {
    AgentConfig config = AgentConfig.parse("bootstrap.servers=k1:9092,queue.capacity=16,"
        + "heartbeat.interval.ms=5000", Map.of(), Map.of());
    health = AgentHealth.of(config, counters, failing::get, System.nanoTime(), "1.2.3", err);
    return health;
  }

  @Test
  void showsTheCountersToAnyJmxClientOnceRegistered() throws Exception {
    ObservationQueue queue = new ObservationQueue(1, counters);
    health().register();
    AgentHealthMXBean remote = JMX.newMXBeanProxy(server, new ObjectName(AgentHealth.OBJECT_NAME),
        AgentHealthMXBean.class);

    queue.accept(observation());
    queue.accept(observation());
    failing.set(true);

    assertThat(remote.getResponsesSeen()).isEqualTo(2);
    assertThat(remote.getQueueDepth()).isEqualTo(1);
    assertThat(remote.getQueueCapacity()).isEqualTo(16);
    assertThat(remote.getEventsSent()).isZero();
    assertThat(remote.getEventsDropped()).isEqualTo(1);
    assertThat(remote.getEventsDroppedQueueFull()).isEqualTo(1);
    assertThat(remote.getHeartbeatIntervalMs()).isEqualTo(5000);
    assertThat(remote.isDeliveryFailing()).isTrue();
    assertThat(remote.getAgentVersion()).isEqualTo("1.2.3");
    assertThat(remote.getSuccessesSampledOut()).isZero();
    assertThat(remote.getTemplateOverflows()).isZero();
    assertThat(remote.getErrorBodiesNotCaptured()).isZero();
    assertThat(remote.getUptimeMs()).isNotNegative();
    assertThat(server.getAttribute(new ObjectName(AgentHealth.OBJECT_NAME), "EventsDroppedSendFailed"))
        .isEqualTo(0L);
  }

  private static ResponseObservation observation() {
    return ResponseObservation.ofHttpClient("GET", URI.create("https://pay.example/a"), 200, null,
        0, 1, null);
  }

  @Test
  void registersOnceAndUnregistersCleanly() throws Exception {
    ObjectName name = new ObjectName(AgentHealth.OBJECT_NAME);
    health().register();
    health.register();

    assertThat(server.isRegistered(name)).isTrue();
    health.unregister();
    health.unregister();
    assertThat(server.isRegistered(name)).isFalse();
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void aNameTakenAlreadyCostsOneLineAndNothingElse() throws Exception {
    AgentHealth first = health();
    first.register();
    AgentHealth second = AgentHealth.of(AgentConfig.parse("bootstrap.servers=k1:9092", Map.of(),
        Map.of()), new AgentCounters(), () -> false, System.nanoTime(), null, err);

    second.register();
    second.unregister();

    assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("[statusguard] WARN cannot"
        + " register the JMX MBean io.statusguard:type=Agent: InstanceAlreadyExistsException; the"
        + " heartbeats still carry the agent's health" + System.lineSeparator());
    assertThat(server.isRegistered(new ObjectName(AgentHealth.OBJECT_NAME))).isTrue();
  }
}
