package io.statusguard.benchmarks.overhead;

import io.statusguard.benchmarks.workload.ClientWorkload;
import io.statusguard.benchmarks.workload.LoopbackServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command lines of the harness's child JVMs. Every workload JVM gets the same java, heap and extra
 * arguments and a class path of the workload jar and OkHttp only; the setups differ in their agent
 * arguments alone. Immutable.
 *
 * @param jvmArguments arguments every workload JVM gets (heap, GC, anything the caller adds)
 * @param workloadClasspath the workload jar and OkHttp's jars
 */
record ChildCommands(Path java, List<String> jvmArguments, String workloadClasspath, AgentJars jars,
    String bootstrapServers) {

  ChildCommands {
    jvmArguments = List.copyOf(jvmArguments);
  }

  /** A JVM that starts the setup's agent and exits at once. */
  List<String> noop(AgentSetup setup) {
    return workloadJvm(setup, List.of("noop"));
  }

  List<String> workload(AgentSetup setup, String baseUrl, int requestsPerClient, int warmupPerClient,
      long settleMillis) {
    return workloadJvm(setup, List.of("run", baseUrl, Integer.toString(requestsPerClient),
        Integer.toString(warmupPerClient), Long.toString(settleMillis)));
  }

  /** The loopback server's JVM: no agent, and Nagle off so that small answers are not held back. */
  List<String> server() {
    return List.of(java.toString(), "-Dsun.net.httpserver.nodelay=true", "-Xmx256m", "-cp",
        workloadClasspath, LoopbackServer.class.getName());
  }

  private List<String> workloadJvm(AgentSetup setup, List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(jvmArguments);
    command.addAll(setup.jvmArguments(jars, bootstrapServers));
    command.add("-cp");
    command.add(workloadClasspath);
    command.add(ClientWorkload.class.getName());
    command.addAll(arguments);
    return command;
  }
}
