package io.statusguard.testing;

/**
 * A {@link TestKafka} as the extension owns it: closed once, after the test class that started it.
 */
interface ManagedKafka extends TestKafka, AutoCloseable {
  @Override
  void close();
}
