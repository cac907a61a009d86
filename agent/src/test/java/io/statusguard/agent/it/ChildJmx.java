package io.statusguard.agent.it;

import com.sun.tools.attach.VirtualMachine;
import io.statusguard.agent.health.AgentHealth;
import io.statusguard.agent.health.AgentHealthMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A JMX connection to a child JVM, opened the way an operator's tool opens one: attach, start the
 * JVM's local management agent, connect. Not thread-safe; close it.
 */
final class ChildJmx implements AutoCloseable {
  /** One thread as a thread dump shows it. */
  record ThreadSummary(String name, boolean daemon) {
    /** The name with its numbers blurred, for comparing two JVMs' pools. */
    String shape() {
      return name.replaceAll("\\d+", "#");
    }

    @Override
    public String toString() {
      return name + (daemon ? " (daemon)" : " (NOT daemon)");
    }
  }

  private final JMXConnector connector;
  private final MBeanServerConnection server;

  private ChildJmx(JMXConnector connector) throws IOException {
    this.connector = connector;
    this.server = connector.getMBeanServerConnection();
  }

  static ChildJmx attach(long pid) throws Exception {
    VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
    String address;
    try {
      address = vm.startLocalManagementAgent();
    } finally {
      vm.detach();
    }
    return new ChildJmx(JMXConnectorFactory.connect(new JMXServiceURL(address)));
  }

  boolean hasAgentHealth() throws IOException {
    return server.isRegistered(agentHealthName());
  }

  AgentHealthMXBean agentHealth() {
    return JMX.newMXBeanProxy(server, agentHealthName(), AgentHealthMXBean.class);
  }

  List<ThreadSummary> threads() throws IOException {
    ThreadMXBean threads = ManagementFactory.newPlatformMXBeanProxy(server,
        ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
    return Arrays.stream(threads.dumpAllThreads(false, false))
        .map(info -> new ThreadSummary(info.getThreadName(), info.isDaemon()))
        .toList();
  }

  private static ObjectName agentHealthName() {
    try {
      return new ObjectName(AgentHealth.OBJECT_NAME);
    } catch (MalformedObjectNameException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    connector.close();
  }
}
