package io.statusguard.benchmarks.workload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientWorkloadTest {

  @Test
  void bothClientsGetTheServersAnswers() throws Exception {
    WorkloadReport report;
    try (LoopbackServer server = LoopbackServer.start();
        ClientWorkload workload = ClientWorkload.open(server.baseUrl())) {
      report = workload.run(20, 2, 0);
    }

    assertThat(report.failures()).isZero();
    assertThat(report.requests()).isEqualTo(40);
    assertThat(report.jdkHttpClient().p50Nanos()).isPositive()
        .isLessThanOrEqualTo(report.jdkHttpClient().p99Nanos());
    assertThat(report.okHttp().p50Nanos()).isPositive()
        .isLessThanOrEqualTo(report.okHttp().p99Nanos());
    assertThat(report.allocatedBytes()).isPositive();
    assertThat(report.cpuNanos()).isPositive();
  }
}
