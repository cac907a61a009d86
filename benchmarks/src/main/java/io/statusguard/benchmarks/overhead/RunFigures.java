package io.statusguard.benchmarks.overhead;

import io.statusguard.benchmarks.workload.WorkloadReport;

/**
 * One round's figures for one agent setup: a no-op run and a workload run.
 *
 * @param readyNanos from starting the workload JVM to its saying it is ready for the first request
 * @param noopExitNanos from starting a JVM that does nothing to its exit
 * @param agentSummary the statusguard agent's exit line (seen, sent, dropped), or null
 */
public record RunFigures(AgentSetup setup, int round, long readyNanos, long noopExitNanos,
    WorkloadReport workload, String agentSummary) {}
