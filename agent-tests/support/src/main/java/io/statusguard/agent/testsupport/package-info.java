/**
 * Test fixtures for the agent's integration tests: an application ({@link
 * io.statusguard.agent.testsupport.ScenarioApp}) that runs every scenario with one HTTP client in a
 * child JVM ({@link io.statusguard.agent.testsupport.ChildJvm}), against its own provider stub, with
 * and without the agent; and the suite ({@link
 * io.statusguard.agent.testsupport.AbstractHttpClientIT}) that every client family's tests extend.
 */
package io.statusguard.agent.testsupport;
